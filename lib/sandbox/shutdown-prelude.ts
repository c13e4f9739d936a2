/**
 * The Node-like surface of the graceful-shutdown lab: `process.on/exit`,
 * `server.close/closeIdleConnections/closeAllConnections`, `db.close`,
 * `health.setReady`, `app.setConnectionClose`, and timers on the simulated
 * clock. Callbacks are kept here by id; the host invokes them by id later.
 */
export const SHUTDOWN_PRELUDE = String.raw`
(() => {
  const listeners = new Map();
  const callbacks = new Map();
  let nextCallback = 1;
  const keep = (fn) => {
    if (fn === undefined) return 0;
    if (typeof fn !== "function") throw new TypeError("expected a callback function");
    const id = nextCallback++;
    callbacks.set(id, fn);
    return id;
  };
  const call = (name, ...args) => __host.call(name, ...args);

  const SIGNALS = ["SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP"];
  const process = Object.freeze({
    on(signal, handler) {
      if (!SIGNALS.includes(signal)) throw new Error("this lab can listen to " + SIGNALS.join(", "));
      if (typeof handler !== "function") throw new TypeError("process.on(signal, handler) needs a function");
      if (!listeners.has(signal)) listeners.set(signal, []);
      listeners.get(signal).push(handler);
      return process;
    },
    exit(code = 0) { call("exit", Number(code)); },
    get exitCode() { return undefined; },
  });
  const timer = (id) => ({ id, unref() { call("unrefTimer", id); return this; }, ref() { return this; } });
  Object.defineProperty(globalThis, "process", { configurable: true, value: process });
  Object.defineProperty(globalThis, "setTimeout", { configurable: true, value: (fn, ms = 0) => timer(call("setTimeout", keep(fn), Number(ms))) });
  Object.defineProperty(globalThis, "clearTimeout", { configurable: true, value: (handle) => { if (handle) call("clearTimeout", typeof handle === "object" ? handle.id : handle); } });
  Object.defineProperty(globalThis, "server", {
    value: Object.freeze({
      close: (cb) => { call("server.close", keep(cb)); },
      closeIdleConnections: () => { call("server.closeIdleConnections"); },
      closeAllConnections: () => { call("server.closeAllConnections"); },
    }),
  });
  const closeDb = (cb) => {
    if (cb) { call("db.close", keep(cb)); return undefined; }
    return new Promise((resolve, reject) => call("db.close", keep((error) => (error ? reject(new Error(error)) : resolve()))));
  };
  Object.defineProperty(globalThis, "db", { configurable: true, value: Object.freeze({ close: closeDb, end: closeDb }) });
  Object.defineProperty(globalThis, "health", { configurable: true, value: Object.freeze({ setReady: (ready) => { call("setReady", Boolean(ready)); } }) });
  Object.defineProperty(globalThis, "app", { configurable: true, value: Object.freeze({ setConnectionClose: (on) => { call("setConnectionClose", Boolean(on)); } }) });
  Object.defineProperty(globalThis, "inFlightRequests", { configurable: true, value: () => call("inFlight") });

  Object.defineProperty(globalThis, "__listening", { value: () => [...listeners.keys()] });
  Object.defineProperty(globalThis, "__emit", {
    value(signal) { for (const handler of listeners.get(signal) || []) handler(signal); },
  });
  Object.defineProperty(globalThis, "__invoke", {
    value(id, error) {
      const fn = callbacks.get(id);
      callbacks.delete(id);
      if (fn) fn(error === null ? undefined : error);
    },
  });
})();
`;
