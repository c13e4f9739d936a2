import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

// compose.yaml parsed as compose tools read it (YAML 1.1 merge keys), then checked
// against the stack the chapter describes. (podman-compose 1.0.3 has no `config`
// command and its --dry-run still creates networks and volumes, so we parse it ourselves.)
type Service = {
  image?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  secrets?: string[];
  read_only?: boolean;
  tmpfs?: string[];
  stop_grace_period?: string;
  restart?: string;
  healthcheck?: { test: string[] };
  volumes?: string[];
};
const compose = parse(readFileSync("compose.yaml", "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
};
const services = compose.services;
const apps = ["app1", "app2", "app3"].map((name) => [name, services[name]!] as const);
const seconds = (value: string) => Number(/^(\d+)s$/.exec(value)?.[1] ?? Number.NaN);

describe("compose.yaml", () => {
  it("has PostgreSQL, Redis, a one-off migrate step, three replicas and nginx", () => {
    expect(Object.keys(services).sort()).toEqual(["app1", "app2", "app3", "db", "migrate", "nginx", "redis"]);
    expect(services.migrate!.command).toEqual(["node", "dist/db-deploy.mjs"]);
    expect(services.migrate!.restart).toBe("no");
    expect(services.migrate!.depends_on).toEqual({ db: { condition: "service_healthy" } });
    expect(services.db!.healthcheck?.test).toContain("pg_isready");
    expect(services.redis!.healthcheck?.test).toContain("ping");
  });

  it("starts replicas only after migrations succeeded, as non-root read-only containers with secrets as files", () => {
    for (const [name, app] of apps) {
      expect(app.depends_on, name).toMatchObject({
        migrate: { condition: "service_completed_successfully" },
      });
      expect(app.command, name).toBeUndefined();
      expect(app.read_only, name).toBe(true);
      expect(app.tmpfs?.join(" "), name).toMatch(/\/app\/\.next\/cache/);
      expect(app.environment?.DATABASE_URL, name).toBeUndefined();
      expect(app.environment?.DATABASE_URL_FILE, name).toMatch(/^\/run\/secrets\//);
      expect(app.environment?.BETTER_AUTH_SECRET_FILE, name).toMatch(/^\/run\/secrets\//);
      expect(app.environment?.REDIS_URL, name).toMatch(/^redis:\/\/redis:/);
      expect(app.environment?.TRUST_PROXY, name).toBe("1");
      // The stop grace covers the app's own forced-exit backstop.
      expect(seconds(app.stop_grace_period!)).toBeGreaterThanOrEqual(
        Number(app.environment!.SHUTDOWN_FORCE_EXIT_MS) / 1000,
      );
    }
    for (const secret of Object.values(compose.secrets)) expect(secret.file).toMatch(/^\.\/secrets\//);
  });

  it("puts nginx in front of every replica with the repo's config files", () => {
    const nginx = services.nginx!;
    expect(nginx.volumes).toContain("./deploy/nginx:/etc/shipshape/nginx:ro");
    expect(nginx.entrypoint).toEqual(["/bin/sh", "/etc/shipshape/nginx/render.sh"]);
    for (const [name] of apps) expect(nginx.environment?.UPSTREAM_SERVERS).toContain(`server ${name}:3000`);
  });
});
