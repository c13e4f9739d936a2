import { PrismaClient as SqliteClient } from "@/generated/prisma/client.ts";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgClient } from "@/generated/prisma-pg/client.ts";
import { disconnectDb, registeredDb } from "./db-registry";
import { SQLITE_PRAGMAS, withSqlitePragmas } from "./sqlite-tuning";

const SQLITE_BUSY_TIMEOUT_MS = 2_000;

/**
 * Both generated clients have identical models (the PostgreSQL schema is derived
 * from the SQLite one), so the SQLite client's type serves for both.
 */
export type Db = SqliteClient;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? undefined;
    // Prisma qualifies model queries with the schema but not raw SQL ($queryRaw): the search path
    // makes both read the same tables when the URL names a schema other than public.
    const options = schema ? `-c search_path="${schema.replaceAll('"', '""')}"` : undefined;
    return new PgClient({
      adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 2_000, options }, { schema }),
    }) as unknown as Db;
  }
  const adapter = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new SqliteClient({ adapter: withSqlitePragmas(adapter, SQLITE_PRAGMAS(SQLITE_BUSY_TIMEOUT_MS)) });
}

export function db(): Db {
  return registeredDb(() => createDb(process.env.DATABASE_URL ?? "file:./prisma/dev.db"));
}

export { disconnectDb };

/** Resolves when the database answers a trivial query, rejects after `timeoutMs`. */
export async function pingDb(timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db().$queryRawUnsafe("SELECT 1"), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
