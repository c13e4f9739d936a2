/**
 * The Express-like surface a health-check lab gives the learner: `app.get`,
 * `req`, `res.status().json()/send()/end()`, and promise-returning `db`,
 * `cache` and `disk`. Built on the sandbox bridge (`__host.call`).
 */
export const HTTP_HANDLER_PRELUDE = String.raw`
(() => {
  const routes = new Map();
  const app = Object.freeze({
    get(path, handler) {
      if (typeof path !== "string" || typeof handler !== "function") throw new TypeError("app.get(path, handler) needs a path and a function");
      routes.set(path, handler);
    },
  });
  const dependency = (name) => Object.freeze({
    ping: () => __host.call(name + ".ping"),
    query: (sql) => __host.call(name + ".query", String(sql)),
  });
  // Timers on the simulated clock (e.g. to give up on a hanging dependency with Promise.race).
  const timers = new Map();
  let nextTimer = 1;
  Object.defineProperty(globalThis, "setTimeout", {
    configurable: true,
    value(fn, ms = 0) {
      if (typeof fn !== "function") throw new TypeError("setTimeout needs a function");
      const id = nextTimer++;
      timers.set(id, fn);
      __host.call("timer.set", id, Number(ms) || 0);
      return id;
    },
  });
  Object.defineProperty(globalThis, "clearTimeout", { configurable: true, value(id) { timers.delete(id); } });
  Object.defineProperty(globalThis, "__fireTimer", {
    value(id) { const fn = timers.get(id); timers.delete(id); if (fn) fn(); },
  });
  Object.defineProperty(globalThis, "app", { value: app, configurable: true });
  Object.defineProperty(globalThis, "db", { value: dependency("db"), configurable: true });
  Object.defineProperty(globalThis, "cache", { value: dependency("cache"), configurable: true });
  Object.defineProperty(globalThis, "disk", { value: Object.freeze({ free: () => __host.call("disk.free") }), configurable: true });

  Object.defineProperty(globalThis, "__handle", {
    value(path, requestId) {
      const handler = routes.get(path);
      let status = 200;
      let sent = false;
      const respond = (body) => {
        if (sent) throw new Error("The response was already sent");
        sent = true;
        __host.call("respond", requestId, status, body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body));
      };
      const res = {
        status(code) { status = Number(code); return res; },
        json: respond,
        send: respond,
        end: () => respond(""),
      };
      if (!handler) { status = 404; respond("Cannot GET " + path); return; }
      Promise.resolve()
        .then(() => handler({ method: "GET", path, headers: {} }, res))
        .catch((error) => {
          console.error(error);
          if (!sent) { status = 500; respond("Internal Server Error"); }
        });
    },
  });
})();
`;
