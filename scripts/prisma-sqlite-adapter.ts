import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * `prisma migrate dev` replays migrations into the shadow database through
 * `executeRaw`, one whole migration file at a time. better-sqlite3 refuses
 * multi-statement SQL there (P3006), so parameterless multi-statement SQL is
 * routed to `executeScript`, which runs it with `exec`.
 */
export function wrapForMultiStatementScripts(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
    new Proxy(adapter, {
      get(target, prop, receiver) {
        if (prop === "executeRaw") {
          return async (query: Parameters<SqlDriverAdapter["executeRaw"]>[0]) => {
            if (query.args.length === 0 && hasSeveralStatements(query.sql)) {
              await target.executeScript(query.sql);
              return 0;
            }
            return target.executeRaw(query);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });

  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => wrap(await target.connect());
      if (prop === "connectToShadowDb") return async () => wrap(await target.connectToShadowDb());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function hasSeveralStatements(sql: string): boolean {
  return sql.trim().replace(/;\s*$/, "").includes(";");
}
