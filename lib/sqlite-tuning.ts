import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * SQLite settings for a web server, applied to the adapter's connection as it opens:
 *
 * - `journal_mode = WAL`: a commit appends to the write-ahead log instead of copying pages to a
 *   rollback journal and syncing both files, and readers (page renders) no longer wait for a
 *   writer (an autosave) or block it. Stored in the database file: set once, kept.
 * - `synchronous = NORMAL`: in WAL mode the log is synced at checkpoints, not at every commit.
 *   An acknowledged write survives the process crashing or being killed (it is in the OS's
 *   cache); only a power loss or kernel crash can drop the last commits, never corrupt the file.
 *   That is the trade SQLite's documentation recommends for WAL; FULL cost one fsync per save.
 * - `busy_timeout`: other processes (migrations, the seed, a backup) may hold the write lock for
 *   a moment; wait up to `busyTimeoutMs` for it instead of failing with SQLITE_BUSY.
 */
export const SQLITE_PRAGMAS = (busyTimeoutMs: number) => [
  "journal_mode = WAL",
  "synchronous = NORMAL",
  `busy_timeout = ${Math.round(busyTimeoutMs)}`,
];

type PragmaClient = { pragma: (source: string) => unknown };

function tune(adapter: SqlDriverAdapter, pragmas: string[]): SqlDriverAdapter {
  // The better-sqlite3 adapter keeps its one connection in `client`.
  const client = (adapter as unknown as { client?: PragmaClient }).client;
  if (typeof client?.pragma !== "function")
    throw new Error("SQLite adapter without a better-sqlite3 client: cannot apply the SQLite settings");
  for (const pragma of pragmas) client.pragma(pragma);
  return adapter;
}

/** Wraps the better-sqlite3 adapter factory so every connection it opens gets `pragmas`. */
export function withSqlitePragmas<F extends SqlDriverAdapterFactory>(factory: F, pragmas: string[]): F {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => tune(await target.connect(), pragmas);
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
