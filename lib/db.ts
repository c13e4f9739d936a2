import { PrismaClient as SqliteClient } from "@/generated/prisma/client.ts";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgClient } from "@/generated/prisma-pg/client.ts";
import { directSql, type DirectSql } from "./db-direct";
import { disconnectDb, registeredDb } from "./db-registry";
import { env } from "./env";
import { SQLITE_PRAGMAS, withSqlitePragmas } from "./sqlite-tuning";

const SQLITE_BUSY_TIMEOUT_MS = 2_000;
const PG_CONNECT_TIMEOUT_MS = 2_000;

/**
 * Both generated clients have identical models (the PostgreSQL schema is derived
 * from the SQLite one), so the SQLite client's type serves for both.
 */
export type Db = SqliteClient;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

// On the client itself under a global symbol: the client may come from another bundle's copy of
// this module (lib/db-registry.ts), where a module-level map would not know it.
const DIRECT_SQL = Symbol.for("shipshape.directSql");
function withDirectSql(client: Db, direct: DirectSql): Db {
  Object.defineProperty(client, DIRECT_SQL, { value: direct });
  return client;
}

export function createDb(url: string): Db {
  let client: Db | null = null;
  const connect = () => client!.$connect();
  if (isPostgresUrl(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? undefined;
    // Prisma qualifies model queries with the schema but not raw SQL ($queryRaw): the search path
    // makes both read the same tables when the URL names a schema other than public.
    const options = schema ? `-c search_path="${schema.replaceAll('"', '""')}"` : undefined;
    const { factory, direct } = directSql(
      new PrismaPg(
        {
          connectionString: url,
          connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
          options,
          max: env().DATABASE_POOL_MAX,
        },
        { schema },
      ),
      connect,
    );
    client = new PgClient({ adapter: factory }) as unknown as Db;
    return withDirectSql(client, direct);
  }
  const adapter = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const { factory, direct } = directSql(
    withSqlitePragmas(adapter, SQLITE_PRAGMAS(SQLITE_BUSY_TIMEOUT_MS)),
    connect,
  );
  client = new SqliteClient({ adapter: factory });
  return withDirectSql(client, direct);
}

/** The driver under `db` for the few statements that bypass Prisma (lib/db-direct.ts). */
export function directSqlOf(db: Db): DirectSql {
  const direct = (db as unknown as { [DIRECT_SQL]?: DirectSql })[DIRECT_SQL];
  if (!direct) throw new Error("This database client was not made by createDb");
  return direct;
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
