import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/db";
import { migrateFreshSqlite, migratePostgres } from "@/lib/db-migrate";

export type TestDatabase = {
  provider: "sqlite" | "postgres";
  url: string;
  db: Db;
  drop: () => Promise<void>;
};

/** Providers the data-access tests run against: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set. */
export function testProviders(): Array<"sqlite" | "postgres"> {
  return process.env.TEST_POSTGRES_URL ? ["sqlite", "postgres"] : ["sqlite"];
}

/** A brand-new, migrated database that belongs to one test file. */
export async function createTestDatabase(provider: "sqlite" | "postgres"): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "shipshape-db-"));
    const file = path.join(dir, "test.db");
    await migrateFreshSqlite(file);
    const url = `file:${file}`;
    const db = createDb(url);
    return {
      provider,
      url,
      db,
      drop: async () => {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.TEST_POSTGRES_URL;
  if (!base) throw new Error("TEST_POSTGRES_URL is not set");
  const schema = `t_${randomBytes(6).toString("hex")}`;
  await migratePostgres(base, schema);
  const url = `${base}${base.includes("?") ? "&" : "?"}schema=${schema}`;
  const db = createDb(url);
  return {
    provider,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

let counter = 0;
/** Inserts a user row directly (accounts are exercised through the real auth handler elsewhere). */
export async function insertUser(db: Db, role: "learner" | "instructor", name?: string) {
  counter += 1;
  const id = `u_${randomBytes(6).toString("hex")}`;
  return db.user.create({
    data: { id, name: name ?? `${role} ${counter}`, email: `${id}@example.test`, role },
  });
}
