#!/usr/bin/env node
// Creates a migration after you edit prisma/schema.prisma, for both databases:
//   npm run db:migrate:new -- add_review_cards
// 1. brings the local SQLite dev database up to date (migrate dev needs that);
// 2. `prisma migrate dev` writes and applies prisma/migrations/<ts>_<name>;
// 3. regenerates prisma/postgres/schema.prisma and writes the matching
//    PostgreSQL migration by diffing the old and new PostgreSQL schemas.
// Needs a reachable PostgreSQL for step 3 (PG_URL, default the local server).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migrate:new -- <name_in_snake_case>");
  process.exit(2);
}
const run = (args, env = {}) =>
  execFileSync("npx", args, {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  }).toString();

const sqliteEnv = { DATABASE_URL: process.env.DATABASE_URL ?? "file:./prisma/dev.db" };
run(["prisma", "migrate", "deploy"], sqliteEnv);
const before = new Set(readdirSync("prisma/migrations"));
run(["prisma", "migrate", "dev", "--name", name], sqliteEnv);
const created = readdirSync("prisma/migrations").filter((entry) => !before.has(entry));
if (created.length !== 1) {
  console.log("No schema change found: nothing to migrate.");
  process.exit(0);
}

const oldPgSchema = path.join(tmpdir(), `shipshape-pg-schema-${process.pid}.prisma`);
copyFileSync("prisma/postgres/schema.prisma", oldPgSchema);
execFileSync("node", ["scripts/generate-pg-schema.mjs", "--generate"], { stdio: "inherit" });
const sql = run(
  [
    "prisma",
    "migrate",
    "diff",
    "--config",
    "prisma/postgres/prisma.config.ts",
    "--from-schema-datamodel",
    oldPgSchema,
    "--to-schema-datamodel",
    "prisma/postgres/schema.prisma",
    "--script",
  ],
  { DATABASE_URL: process.env.PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
);
rmSync(oldPgSchema);
const pgDir = path.join("prisma", "postgres", "migrations", created[0]);
mkdirSync(pgDir, { recursive: true });
writeFileSync(path.join(pgDir, "migration.sql"), sql);
console.log(`created prisma/migrations/${created[0]} and ${pgDir}`);
