import net from "node:net";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { createDb, disconnectDb, isPostgresUrl, pingDb } from "@/lib/db";
import { lifecycle, markShuttingDown } from "@/lib/observability/lifecycle";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";

const CLOSED_PORT_URL = "postgresql://postgres@127.0.0.1:1/x";
const DB_KEY = Symbol.for("shipshape.db");
const LIFECYCLE_KEY = Symbol.for("shipshape.lifecycle");
type Globals = { [DB_KEY]?: unknown; [LIFECYCLE_KEY]?: unknown };

const originalUrl = process.env.DATABASE_URL;

/** Points the process-wide client (what routes use) at `url`, dropping any client made before. */
async function useDatabaseUrl(url: string): Promise<void> {
  await disconnectDb();
  expect((globalThis as Globals)[DB_KEY]).toBeUndefined();
  process.env.DATABASE_URL = url;
}

afterEach(async () => {
  await disconnectDb();
  delete (globalThis as Globals)[LIFECYCLE_KEY];
  if (originalUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = originalUrl;
});

type ReadyBody = {
  status: string;
  reason?: string;
  detail?: string;
  checks?: { database: { ok: boolean; ms: number } };
};

async function ready(): Promise<{ status: number; body: ReadyBody; cacheControl: string | null }> {
  const response = await GET();
  return {
    status: response.status,
    body: (await response.json()) as ReadyBody,
    cacheControl: response.headers.get("cache-control"),
  };
}

/** A TCP server that accepts connections and never says a word, like a hung database. */
async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/x`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe("isPostgresUrl", () => {
  it.each([
    ["postgresql://u@h:5432/d", true],
    ["postgres://u@h/d", true],
    ["file:./prisma/dev.db", false],
    ["file:/tmp/postgresql://x.db", false],
    ["mysql://u@h/d", false],
    ["POSTGRESQL://u@h/d", false],
  ])("%s → %s", (url, expected) => {
    expect(isPostgresUrl(url)).toBe(expected);
  });
});

describe("pingDb and readiness against an unreachable database", () => {
  it("pingDb(500) rejects quickly when nothing listens on the PostgreSQL port", async () => {
    await useDatabaseUrl(CLOSED_PORT_URL);
    const startedAt = performance.now();
    await expect(pingDb(500)).rejects.toThrow();
    expect(performance.now() - startedAt).toBeLessThan(2_000);
  });

  it("pingDb(500) gives up after 500 ms when the database accepts the connection but never answers", async () => {
    const hung = await silentServer();
    try {
      await useDatabaseUrl(hung.url);
      const startedAt = performance.now();
      await expect(pingDb(500)).rejects.toThrow("database did not answer within 500 ms");
      const elapsed = performance.now() - startedAt;
      expect(elapsed).toBeGreaterThanOrEqual(490);
      expect(elapsed).toBeLessThan(1_500);
    } finally {
      await disconnectDb();
      await hung.close();
    }
  });

  it('answers 503 "database unreachable" when the database is down', async () => {
    await useDatabaseUrl(CLOSED_PORT_URL);
    const startedAt = performance.now();
    const { status, body, cacheControl } = await ready();
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "unavailable", reason: "database unreachable" });
    expect(body.detail).toEqual(expect.any(String));
    expect(cacheControl).toBe("no-store");
  });

  it("answers 503 within its 1 s budget when the database hangs", async () => {
    const hung = await silentServer();
    try {
      await useDatabaseUrl(hung.url);
      const startedAt = performance.now();
      const { status, body } = await ready();
      expect(performance.now() - startedAt).toBeLessThan(1_800);
      expect(status).toBe(503);
      expect(body).toEqual({
        status: "unavailable",
        reason: "database unreachable",
        detail: "database did not answer within 1000 ms",
      });
    } finally {
      await disconnectDb();
      await hung.close();
    }
  });
});

describe.each(testProviders())("createDb, pingDb and readiness (%s)", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("createDb picks the client and driver for the URL's database", async () => {
    const client = createDb(t.url);
    try {
      if (provider === "postgres") {
        const [row] = await client.$queryRawUnsafe<Array<{ version: string }>>("SELECT version() AS version");
        expect(row?.version).toMatch(/^PostgreSQL \d+/);
      } else {
        const [row] = await client.$queryRawUnsafe<Array<{ version: string }>>(
          "SELECT sqlite_version() AS version",
        );
        expect(row?.version).toMatch(/^3\.\d+\.\d+$/);
      }
    } finally {
      await client.$disconnect();
    }
  });

  it("createDb connects to the database the URL names (including a PostgreSQL ?schema=)", async () => {
    const user = await insertUser(t.db, "learner", "Seen through a second client");
    const client = createDb(t.url);
    try {
      expect(await client.user.findUnique({ where: { id: user.id } })).toMatchObject({
        name: "Seen through a second client",
      });
      if (provider === "postgres") {
        // The row really lives in the schema the URL names, not in "public".
        const schema = new URL(t.url).searchParams.get("schema") ?? "";
        const direct = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
        await direct.connect();
        try {
          const found = await direct.query(`SELECT name FROM "${schema}"."user" WHERE id = $1`, [user.id]);
          expect(found.rows).toEqual([{ name: "Seen through a second client" }]);
        } finally {
          await direct.end();
        }
      }
    } finally {
      await client.$disconnect();
    }
  });

  it("pingDb resolves on a good database", async () => {
    await useDatabaseUrl(t.url);
    await expect(pingDb(1_000)).resolves.toBeUndefined();
  });

  it("readiness answers 200 with the database check on a good database", async () => {
    await useDatabaseUrl(t.url);
    const { status, body, cacheControl } = await ready();
    expect(status).toBe(200);
    expect(body).toEqual({
      status: "ready",
      checks: { database: { ok: true, ms: expect.any(Number), required: true } },
    });
    expect(cacheControl).toBe("no-store");
  });

  it('readiness answers 503 "shutting down" once shutdown has started, even with a good database', async () => {
    await useDatabaseUrl(t.url);
    expect((await ready()).status).toBe(200);
    markShuttingDown();
    expect(lifecycle().shuttingDown).toBe(true);
    const { status, body, cacheControl } = await ready();
    expect(status).toBe(503);
    expect(body).toEqual({ status: "unavailable", reason: "shutting down" });
    expect(cacheControl).toBe("no-store");
  });
});

describe("lifecycle reset between tests", () => {
  it("starts each test not shutting down", () => {
    expect(lifecycle().shuttingDown).toBe(false);
  });
});

describe("SQLite settings (lib/sqlite-tuning.ts)", () => {
  it("opens SQLite in WAL mode with synchronous=NORMAL and a busy timeout", async () => {
    const t = await createTestDatabase("sqlite");
    try {
      const pragma = async (name: string) =>
        Object.values(((await t.db.$queryRawUnsafe(`PRAGMA ${name}`)) as Record<string, unknown>[])[0]!)[0];
      expect(await pragma("journal_mode")).toBe("wal");
      // 1 = NORMAL (2 = FULL, the default).
      expect(Number(await pragma("synchronous"))).toBe(1);
      expect(Number(await pragma("busy_timeout"))).toBe(2000);
    } finally {
      await t.drop();
    }
  });
});
