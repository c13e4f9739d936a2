import { describe, expect, it } from "vitest";
import type { ShutdownProgram } from "./program-types";
import { ABC, simulate } from "./test-fixtures";
import type { RequestSpec } from "./types";

/** Fact sheet §4: server.close(), idle keep-alive connections, closeIdle/closeAllConnections. */

const closeThenExit: ShutdownProgram = {
  name: "server.close(() => process.exit(0))",
  listensTo: ["SIGTERM"],
  onSignal: (_signal, api) => api.closeServer(() => api.exit(0)),
};

/** One keep-alive request that finished at 1 s, so its connection is idle when SIGTERM comes at 1.5 s. */
const idleAtStop = {
  stopAtMs: 1_500,
  requests: [{ id: "k1-1", atMs: 0, durationMs: 1_000, connection: "k1" }],
};

describe("server.close() and keep-alive connections", () => {
  it("Node 20: close() also closes the idle keep-alive connection, so its callback runs at once", () => {
    const run = simulate({ ...idleAtStop, nodeMajor: 20 }, closeThenExit);
    expect(run.events.find((e) => e.type === "connection-closed")).toMatchObject({
      t: 1_500,
      reason: "server-close",
    });
    expect(run.summary).toMatchObject({ exitCode: 0, exitAtMs: 1_500 });
  });

  it("Node 18: the idle connection holds close() open until keepAliveTimeout (5 s after it went idle)", () => {
    const run = simulate({ ...idleAtStop, nodeMajor: 18 }, closeThenExit);
    expect(run.events.find((e) => e.type === "connection-closed")).toMatchObject({
      t: 6_000,
      reason: "keep-alive-timeout",
    });
    expect(run.summary).toMatchObject({ exitCode: 0, exitAtMs: 6_000 });
  });

  it("Node 18: the client may reuse the idle connection after close(): served, and close() waits again", () => {
    const reuse: RequestSpec = { id: "k1-2", atMs: 3_000, durationMs: 500, connection: "k1" };
    const old = simulate(
      { ...idleAtStop, nodeMajor: 18, requests: [...idleAtStop.requests, reuse] },
      closeThenExit,
    );
    expect(old.fate("k1-2")).toBe("completed@3500");
    expect(old.summary.exitAtMs).toBe(8_500);
    const current = simulate(
      { ...idleAtStop, nodeMajor: 20, requests: [...idleAtStop.requests, reuse] },
      closeThenExit,
    );
    expect(current.fate("k1-2")).toBe("refused:process-exited@3000");
  });

  it("before Node 19 a long keepAliveTimeout outlasts the grace period: SIGKILL, 137", () => {
    const run = simulate({ ...idleAtStop, nodeMajor: 18, keepAliveTimeoutMs: 65_000 }, closeThenExit);
    expect(run.summary).toMatchObject({ exitCode: 137, exitAtMs: 11_500 });
  });

  it("Node 20: a connection busy at close() idles for keepAliveTimeout afterwards, unless Connection: close", () => {
    const busy = {
      stopAtMs: 1_000,
      requests: [{ id: "k1-1", atMs: 0, durationMs: 3_000, connection: "k1" }],
    };
    const plain = simulate(busy, closeThenExit);
    expect(plain.fate("k1-1")).toBe("completed@3000");
    expect(plain.summary.exitAtMs).toBe(8_000);
    const withHeader = simulate(busy, {
      ...closeThenExit,
      onSignal(_signal, api) {
        api.setConnectionClose(true);
        api.closeServer(() => api.exit(0));
      },
    });
    expect(withHeader.events.find((e) => e.type === "request-completed")).toMatchObject({
      connectionClose: true,
    });
    expect(withHeader.summary.exitAtMs).toBe(3_000);
  });

  it("new connections after close() are refused while in-flight requests finish", () => {
    const run = simulate(
      { requests: [...ABC.slice(0, 2), { id: "new", atMs: 1_000, durationMs: 10 }] },
      closeThenExit,
    );
    expect(run.fate("new")).toBe("refused:listener-closed@1000");
    expect(run.fate("B")).toBe("completed@4000");
    expect(run.summary).toMatchObject({ exitCode: 0, exitAtMs: 4_000, listenerClosedAtMs: 0 });
  });

  it("requests sent on a busy keep-alive connection are served one after another", () => {
    const run = simulate(
      {
        platform: { kind: "docker", gracePeriodMs: 30_000 },
        requests: [
          { id: "first", atMs: 0, durationMs: 1_000, connection: "k1" },
          { id: "second", atMs: 200, durationMs: 1_000, connection: "k1" },
        ],
      },
      { builtin: "no-handler" },
    );
    expect(run.fate("second")).toBe("completed@2000");
  });

  it("server.close() twice: the second callback gets ERR_SERVER_NOT_RUNNING", () => {
    const errors: Array<string | undefined> = [];
    simulate(
      { database: null, requests: ABC.slice(0, 1) },
      {
        name: "closes twice",
        listensTo: ["SIGTERM"],
        onSignal(_signal, api) {
          api.closeServer((error) => errors.push(error));
          api.closeServer((error) => errors.push(error));
        },
      },
    );
    // Node attaches both to the same 'close' event, fired when A's connection ends.
    expect(errors).toEqual([undefined, "ERR_SERVER_NOT_RUNNING"]);
  });
});

describe("closeIdleConnections() and closeAllConnections()", () => {
  it("closeAllConnections() drops active requests; close() then calls back at once and the exit code is a clean 0", () => {
    const run = simulate({ requests: ABC }, { builtin: "close-everything-at-once" });
    expect(["A", "B", "C"].map(run.fate)).toEqual(Array(3).fill("dropped:close-all-connections@0"));
    expect(run.summary).toMatchObject({ exitCode: 0, exitAtMs: 0, requests: { dropped: 3 } });
  });

  it("closeIdleConnections() closes only idle keep-alive connections", () => {
    const run = simulate(
      {
        stopAtMs: 1_000,
        nodeMajor: 18,
        requests: [
          { id: "quick", atMs: 0, durationMs: 500, connection: "idle" },
          { id: "slow", atMs: 0, durationMs: 3_000, connection: "busy" },
        ],
      },
      {
        name: "close idle ones",
        listensTo: ["SIGTERM"],
        onSignal: (_signal, api) => api.closeIdleConnections(),
      },
    );
    const closed = run.events.filter((e) => e.type === "connection-closed" && e.t === 1_000);
    expect(closed).toEqual([
      { t: 1_000, type: "connection-closed", connection: "idle", reason: "close-idle-connections" },
    ]);
    expect(run.fate("slow")).toBe("completed@3000");
  });

  it("before Node 18.2 those methods do not exist: TypeError, uncaught, exit 1", () => {
    const run = simulate({ nodeMajor: 16, requests: ABC }, { builtin: "close-everything-at-once" });
    expect(run.events.find((e) => e.type === "uncaught-exception")).toMatchObject({
      message: "server.closeAllConnections is not a function",
    });
    expect(run.summary).toMatchObject({ exitCode: 1, exitAtMs: 0 });
  });
});
