import type { Database, Statement } from "better-sqlite3";
import type { Pool } from "pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/**
 * The driver under Prisma's adapter (the same SQLite connection, the same PostgreSQL pool), for the
 * one statement too hot for Prisma: autosave. Under bench:answers, Prisma's per-query compile and
 * interpretation took ~28% of the server's CPU; a prepared statement run directly costs
 * microseconds. Everything else keeps using Prisma.
 */
export type DirectSql = {
  dialect: "sqlite" | "postgres";
  /** Runs one statement with positional parameters; resolves to the number of rows it changed. */
  run(sql: string, params: unknown[]): Promise<number>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: DirectTx) => Promise<T>): Promise<T>;
};

export type DirectTx = {
  run(sql: string, params: unknown[]): Promise<number>;
  all<Row>(sql: string, params: unknown[]): Promise<Row[]>;
};

type Captured = { sqlite: Database } | { postgres: Pool };

/**
 * Wraps an adapter factory so the connection it opens is captured for `DirectSql.run`.
 * `connect` opens Prisma's connection when no query has yet (Prisma connects lazily).
 */
export function directSql<F extends SqlDriverAdapterFactory>(
  factory: F,
  connect: () => Promise<void>,
): { factory: F; direct: DirectSql } {
  let captured: Captured | null = null;
  let statements = new Map<string, Statement>();
  // Waiters for the end of a Prisma transaction on the shared SQLite connection (see `idleSqlite`).
  let waiters: Array<() => void> = [];
  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const resolve of woken) resolve();
  };

  function capture(adapter: SqlDriverAdapter): SqlDriverAdapter {
    const driver = (adapter as unknown as { client?: unknown }).client;
    captured = adapter.provider === "sqlite" ? { sqlite: driver as Database } : { postgres: driver as Pool };
    statements = new Map();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      captured = null;
      await dispose();
    };
    // Prisma runs its SQLite transactions on this same connection, BEGIN and COMMIT apart with
    // awaits between: a statement of ours in that window would join (and die with) its transaction.
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      while (directTransaction) await directTransaction.catch(() => undefined);
      const tx: Transaction = await start(...args);
      for (const end of ["commit", "rollback"] as const) {
        const finish = tx[end].bind(tx);
        tx[end] = async () => {
          try {
            await finish();
          } finally {
            wake();
          }
        };
      }
      return tx;
    };
    return adapter;
  }

  /** The SQLite connection once no Prisma transaction is open on it; the caller must run synchronously. */
  async function idleSqlite(): Promise<Database> {
    for (;;) {
      if (!captured) await connect();
      if (captured && "sqlite" in captured && !captured.sqlite.inTransaction) return captured.sqlite;
      // A short timer as well, should a transaction end without commit/rollback being called.
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 20).unref();
      });
    }
  }

  const wrapped = new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => capture(await target.connect());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });

  // Our own SQLite transaction, while it is open: Prisma's transactions wait for it (startTransaction
  // below), as ours waits for theirs (idleSqlite).
  let directTransaction: Promise<unknown> | null = null;

  async function sqliteTransaction<T>(work: (tx: DirectTx) => Promise<T>): Promise<T> {
    let connection = await idleSqlite();
    while (directTransaction) {
      await directTransaction.catch(() => undefined);
      connection = await idleSqlite();
    }
    // The driver answers synchronously: between BEGIN and COMMIT only microtasks run, never
    // another request's I/O, so the write lock is held for microseconds.
    const tx: DirectTx = {
      run: async (sql, params) => prepared(connection, sql).run(...params).changes,
      all: async <Row>(sql: string, params: unknown[]) => prepared(connection, sql).all(...params) as Row[],
    };
    const running = (async () => {
      prepared(connection, "BEGIN IMMEDIATE").run();
      try {
        const result = await work(tx);
        prepared(connection, "COMMIT").run();
        return result;
      } catch (error) {
        if (connection.inTransaction) prepared(connection, "ROLLBACK").run();
        throw error;
      }
    })();
    directTransaction = running;
    try {
      return await running;
    } finally {
      directTransaction = null;
    }
  }

  async function postgresTransaction<T>(pool: Pool, work: (tx: DirectTx) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    const tx: DirectTx = {
      run: async (sql, params) => (await client.query(sql, params)).rowCount ?? 0,
      all: async <Row>(sql: string, params: unknown[]) =>
        (await client.query(sql, params)).rows as Row[],
    };
    try {
      await client.query("BEGIN");
      const result = await work(tx);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  function prepared(connection: Database, sql: string): Statement {
    let statement = statements.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  async function pool(): Promise<Pool> {
    if (!captured) await connect();
    if (!captured || !("postgres" in captured)) throw new Error("PostgreSQL pool not connected");
    return captured.postgres;
  }

  const direct: DirectSql = {
    dialect: factory.provider === "sqlite" ? "sqlite" : "postgres",
    async run(sql, params) {
      if (direct.dialect === "sqlite") return prepared(await idleSqlite(), sql).run(...params).changes;
      return (await (await pool()).query(sql, params)).rowCount ?? 0;
    },
    async transaction(work) {
      if (direct.dialect === "sqlite") return sqliteTransaction(work);
      return postgresTransaction(await pool(), work);
    },
  };
  return { factory: wrapped, direct };
}

/** `?` placeholders as the driver wants them: kept for SQLite, `$1`, `$2`… for PostgreSQL. */
export function placeholders(dialect: DirectSql["dialect"], sql: string): string {
  if (dialect === "sqlite") return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A DateTime parameter in Prisma's own encoding, so rows written directly read back like any other. */
export function sqlTimestamp(dialect: DirectSql["dialect"], date: Date): string {
  // SQLite: ISO text with an explicit offset; PostgreSQL: TIMESTAMP(3) without zone, in UTC.
  return dialect === "sqlite" ? date.toISOString().replace("Z", "+00:00") : date.toISOString().slice(0, -1);
}
