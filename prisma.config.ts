import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { wrapForMultiStatementScripts } from "./scripts/prisma-sqlite-adapter";

// Without DATABASE_URL the Prisma CLI falls back to its native engine, which it
// would try to download. Default to the local SQLite file so that never happens.
process.env.DATABASE_URL ??= "file:./prisma/dev.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return wrapForMultiStatementScripts(
      new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }, { shadowDatabaseUrl: ":memory:" }),
    );
  },
});
