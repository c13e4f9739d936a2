import { readFileSync } from "node:fs";

/**
 * Secrets as files (/learn/configuration-and-secrets): for each NAME, when
 * NAME_FILE is set and NAME is not, NAME is read from that file (a Docker,
 * compose or Kubernetes secret mount), so connection strings with passwords
 * never sit in the environment of `docker inspect`. Called first thing at start-up.
 */
export function loadSecretFiles(
  names: readonly string[],
  env: Record<string, string | undefined> = process.env,
): string[] {
  const loaded: string[] = [];
  for (const name of names) {
    const file = env[`${name}_FILE`];
    if (!file || env[name]) continue;
    const value = readFileSync(file, "utf8").trim();
    if (!value) throw new Error(`${name}_FILE ${file} is empty`);
    env[name] = value;
    loaded.push(name);
  }
  return loaded;
}

export const SECRET_FILE_SETTINGS = ["DATABASE_URL", "REDIS_URL"] as const;
