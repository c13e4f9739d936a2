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

  const direct: DirectSql = {
    dialect: factory.provider === "sqlite" ? "sqlite" : "postgres",
    async run(sql, params) {
      if (direct.dialect === "sqlite") {
        const connection = await idleSqlite();
        let statement = statements.get(sql);
        if (!statement) {
          statement = connection.prepare(sql);
          statements.set(sql, statement);
        }
        return statement.run(...params).changes;
      }
      if (!captured) await connect();
      if (!captured || !("postgres" in captured)) throw new Error("PostgreSQL pool not connected");
      return (await captured.postgres.query(sql, params)).rowCount ?? 0;
    },
  };
  return { factory: wrapped, direct };
}
