import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createGracefulShutdown, type GracefulShutdownOptions } from "./graceful-shutdown";

type Outcome = { kind: "response"; status: number; body: string } | { kind: "error"; code: string };
type LogLine = { level: number; msg: string; [key: string]: unknown };

/** One GET on its own connection, reporting exactly how it ended. */
function get(port: number, path: string, agent: http.Agent | false = false): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ kind: "response", status: res.statusCode ?? 0, body }));
      res.on("error", (error: NodeJS.ErrnoException) =>
        resolve({ kind: "error", code: error.code ?? error.message }),
      );
    });
    req.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ kind: "error", code: error.code ?? error.message }),
    );
  });
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

type Harness = {
  server: http.Server;
  port: number;
  /** Request URLs in the order they reached the handler. */
  received: string[];
  /** What happened, in order: responses served plus whatever the spies record. */
  events: string[];
  logs: LogLine[];
  messages: () => string[];
  openConnections: () => number;
  log: GracefulShutdownOptions["log"];
};

const harnesses: Harness[] = [];

/** A real HTTP server on an ephemeral port; `/anything?ms=N` answers 200 after N ms. */
async function startHarness(): Promise<Harness> {
  const received: string[] = [];
  const events: string[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    received.push(url);
    res.on("finish", () => events.push(`served ${url}`));
    const ms = Number(new URL(url, "http://localhost").searchParams.get("ms") ?? 0);
    setTimeout(() => res.end(`done ${url}`), ms);
  });
  server.on("connection", (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  const logs: LogLine[] = [];
  // pino(destination): every line is written synchronously to this object.
  const log = pino(
    { level: "trace" },
    { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  );
  const harness: Harness = {
    server,
    port: (server.address() as AddressInfo).port,
    received,
    events,
    logs,
    messages: () => logs.map((line) => line.msg),
    openConnections: () => [...sockets].filter((socket) => !socket.destroyed).length,
    log,
  };
  harnesses.push(harness);
  return harness;
}

function spies(harness: Harness) {
  return {
    markShuttingDown: vi.fn(() => void harness.events.push("markShuttingDown")),
    closeResources: vi.fn(async () => void harness.events.push("closeResources")),
    exit: vi.fn((code: number) => void harness.events.push(`exit ${code}`)),
  };
}

afterEach(async () => {
  for (const { server } of harnesses.splice(0)) {
    server.closeAllConnections();
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  }
});

describe("createGracefulShutdown", () => {
  it("marks not-ready at once, serves through the drain delay, refuses new connections, finishes in-flight work, then closes resources and exits 0", async () => {
    const h = await startHarness();
    const { markShuttingDown, exit } = spies(h);
    let openWhenClosing = -1;
    const closeResources = vi.fn(async () => {
      openWhenClosing = h.openConnections();
      h.events.push("closeResources");
    });
    const shutdown = createGracefulShutdown({
      server: h.server,
      drainDelayMs: 300,
      forceExitMs: 5_000,
      markShuttingDown,
      closeResources,
      log: h.log,
      exit,
    });

    const slow = get(h.port, "/in-flight?ms=700");
    await waitFor(
      () => h.received.includes("/in-flight?ms=700"),
      "the in-flight request to reach the server",
    );

    const done = shutdown("SIGTERM");
    // 1. Readiness flips before anything is awaited.
    expect(markShuttingDown).toHaveBeenCalledTimes(1);
    expect(h.logs.at(-1)).toMatchObject({ msg: "shutdown started: readiness now 503", signal: "SIGTERM" });

    // 2. During the drain delay the listener still accepts and serves new connections.
    expect(await get(h.port, "/during-drain")).toEqual({
      kind: "response",
      status: 200,
      body: "done /during-drain",
    });
    expect(h.messages()).not.toContain("closing listener; waiting for in-flight requests");

    // 3. Once the delay is over, new connections are refused...
    await waitFor(
      () => h.messages().includes("closing listener; waiting for in-flight requests"),
      "the listener to close",
    );
    expect(await get(h.port, "/after-close")).toEqual({ kind: "error", code: "ECONNREFUSED" });
    expect(h.received).not.toContain("/after-close");
    // ...while the in-flight request still holds shutdown open.
    expect(closeResources).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();

    // 4. It completes normally; only then are resources closed and the process exits 0.
    expect(await slow).toEqual({ kind: "response", status: 200, body: "done /in-flight?ms=700" });
    await done;
    expect(h.events).toEqual([
      "markShuttingDown",
      "served /during-drain",
      "served /in-flight?ms=700",
      "closeResources",
      "exit 0",
    ]);
    expect(openWhenClosing).toBe(0);
    expect(h.messages().at(-1)).toBe("shutdown complete");
  });

  it("does not wait for idle keep-alive connections", async () => {
    const h = await startHarness();
    const { markShuttingDown, closeResources, exit } = spies(h);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await get(h.port, "/keep-alive", agent)).toMatchObject({ status: 200 });
      expect(h.openConnections()).toBe(1);

      const shutdown = createGracefulShutdown({
        server: h.server,
        drainDelayMs: 10,
        forceExitMs: 2_000, // far below the server's 5 s keep-alive timeout
        markShuttingDown,
        closeResources,
        log: h.log,
        exit,
      });
      await shutdown("SIGTERM");
      expect(exit.mock.calls).toEqual([[0]]);
      expect(h.openConnections()).toBe(0);
    } finally {
      agent.destroy();
    }
  });

  it('ignores a second signal: it logs "already in progress" and does nothing else', async () => {
    const h = await startHarness();
    const { markShuttingDown, closeResources, exit } = spies(h);
    const shutdown = createGracefulShutdown({
      server: h.server,
      drainDelayMs: 100,
      forceExitMs: 5_000,
      markShuttingDown,
      closeResources,
      log: h.log,
      exit,
    });

    const first = shutdown("SIGTERM");
    await shutdown("SIGINT"); // returns at once, without skipping the drain
    expect(h.logs.at(-1)).toMatchObject({ level: 40, msg: "shutdown already in progress", signal: "SIGINT" });
    expect(markShuttingDown).toHaveBeenCalledTimes(1);
    expect(closeResources).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
    expect(h.server.listening).toBe(true);

    await first;
    await shutdown("SIGTERM");
    expect(markShuttingDown).toHaveBeenCalledTimes(1);
    expect(closeResources).toHaveBeenCalledTimes(1);
    expect(exit.mock.calls).toEqual([[0]]);
    expect(h.messages().filter((msg) => msg === "shutdown started: readiness now 503")).toHaveLength(1);
    expect(h.messages().filter((msg) => msg === "shutdown already in progress")).toHaveLength(2);
  });

  it("exits 1 when an in-flight request outlasts forceExitMs", async () => {
    const h = await startHarness();
    const { markShuttingDown, closeResources, exit } = spies(h);
    const shutdown = createGracefulShutdown({
      server: h.server,
      drainDelayMs: 20,
      forceExitMs: 150,
      markShuttingDown,
      closeResources,
      log: h.log,
      exit,
    });

    const slow = get(h.port, "/stuck?ms=5000");
    await waitFor(() => h.received.includes("/stuck?ms=5000"), "the slow request to reach the server");
    const startedAt = Date.now();
    const done = shutdown("SIGTERM");

    await waitFor(() => exit.mock.calls.length > 0, "the forced exit");
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
    expect(exit.mock.calls).toEqual([[1]]);
    expect(closeResources).not.toHaveBeenCalled();
    const forced = h.logs.find((line) => line.msg === "shutdown took too long: forcing exit");
    expect(forced).toMatchObject({ level: 50 });
    expect(forced?.elapsedMs).toBeGreaterThanOrEqual(140);

    // A real exit(1) ends the process here; release the stuck request so this test ends too.
    h.server.closeAllConnections();
    await slow;
    await done;
  });

  it("exits 1 when closing resources fails", async () => {
    const h = await startHarness();
    const { markShuttingDown, exit } = spies(h);
    const closeResources = vi.fn(async () => {
      throw new Error("database pool would not close");
    });
    const shutdown = createGracefulShutdown({
      server: h.server,
      drainDelayMs: 10,
      forceExitMs: 60_000,
      markShuttingDown,
      closeResources,
      log: h.log,
      exit,
    });

    await shutdown("SIGTERM");
    expect(closeResources).toHaveBeenCalledTimes(1);
    expect(exit.mock.calls).toEqual([[1]]);
    const failed = h.logs.find((line) => line.msg === "shutdown failed");
    expect(failed).toMatchObject({ level: 50, err: { message: "database pool would not close" } });
    expect(h.messages()).not.toContain("shutdown complete");
  });
});
