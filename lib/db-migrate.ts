import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

const MIGRATIONS = {
  sqlite: path.join(process.cwd(), "prisma", "migrations"),
  postgres: path.join(process.cwd(), "prisma", "postgres", "migrations"),
};

export type Migration = { name: string; sql: string };

export async function readMigrations(provider: keyof typeof MIGRATIONS): Promise<Migration[]> {
  const dir = MIGRATIONS[provider];
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(path.join(dir, name, "migration.sql"), "utf8") })),
  );
}

/** For throwaway test databases: applies every SQLite migration to a new file. */
export async function migrateFreshSqlite(filePath: string): Promise<void> {
  const database = new Database(filePath);
  try {
    for (const migration of await readMigrations("sqlite")) database.exec(migration.sql);
  } finally {
    database.close();
  }
}

/**
 * Applies pending PostgreSQL migrations, each in its own transaction, and
 * records them. (The Prisma 6 CLI's `migrate deploy` trips over PostgreSQL
 * catalog types with the JavaScript engine, prisma/orm#27403, so we apply
 * the committed SQL ourselves.) `schema` selects a schema, created if missing.
 */
export async function migratePostgres(connectionString: string, schema = "public"): Promise<string[]> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`unsafe schema name: ${schema}`);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_shipshape_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ name: string }>(`SELECT name FROM "_shipshape_migrations"`)).rows.map(
        (row) => row.name,
      ),
    );
    for (const migration of await readMigrations("postgres")) {
      if (done.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_shipshape_migrations" (name) VALUES ($1)`, [migration.name]);
        await client.query("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.end();
  }
  return applied;
}
