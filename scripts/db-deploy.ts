// Applies committed migrations to DATABASE_URL: `prisma migrate deploy` for
// SQLite, our transactional applier for PostgreSQL (see lib/db-migrate.ts).
import { execFileSync } from "node:child_process";
import { isPostgresUrl } from "../lib/db";
import { migratePostgres } from "../lib/db-migrate";
import { SECRET_FILE_SETTINGS, loadSecretFiles } from "../lib/server/secret-files";

loadSecretFiles(SECRET_FILE_SETTINGS);

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
if (isPostgresUrl(url)) {
  const schema = new URL(url).searchParams.get("schema") ?? "public";
  const applied = await migratePostgres(url, schema);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "PostgreSQL schema is up to date");
} else {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
}
