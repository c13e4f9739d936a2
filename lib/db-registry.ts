import type { Db } from "./db";

// One client per process. Next.js bundles route code separately from our custom
// server, so the handle lives on globalThis: both bundles share it, and the
// server closes the same connection pool the routes use when it shuts down.
const DB_KEY = Symbol.for("shipshape.db");
type DbHolder = { [DB_KEY]?: Db };

export function registeredDb(create: () => Db): Db {
  const holder = globalThis as DbHolder;
  holder[DB_KEY] ??= create();
  return holder[DB_KEY];
}

export async function disconnectDb(): Promise<void> {
  const holder = globalThis as DbHolder;
  const client = holder[DB_KEY];
  delete holder[DB_KEY];
  await client?.$disconnect();
}
