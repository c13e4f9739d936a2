/**
 * Runs inside QuickJS before the learner's code. The only bridge to the host
 * is `__hostCall(name, argsJson) → resultJson` (strings only); everything the
 * learner can reach is built on it here. No DOM, network, storage or cookies exist.
 */
export const GUEST_PRELUDE = String.raw`
(() => {
  const hostCall = globalThis.__hostCall;
  delete globalThis.__hostCall;
  const pending = new Map();

  // Host functions answer at once ({ value }) or later ({ deferred: id }): later answers
  // arrive through __settle when the simulated clock reaches them.
  function call(name, ...args) {
    const reply = JSON.parse(hostCall(name, JSON.stringify(args)));
    if (reply.error) throw new Error(reply.error);
    if (reply.deferred === undefined) return reply.value;
    return new Promise((resolve, reject) => pending.set(reply.deferred, { resolve, reject }));
  }

  Object.defineProperty(globalThis, "__settle", {
    value(id, ok, valueJson) {
      const waiter = pending.get(id);
      if (!waiter) return;
      pending.delete(id);
      const value = valueJson === undefined ? undefined : JSON.parse(valueJson);
      if (ok) waiter.resolve(value);
      else waiter.reject(new Error(String(value)));
    },
  });

  function lineOfCaller() {
    const stack = String(new Error().stack || "");
    const match = /learner\.js:(\d+)/.exec(stack);
    return match ? Number(match[1]) : null;
  }

  function show(value) {
    if (typeof value === "string") return value;
    if (value instanceof Error) {
      const match = /learner\.js:(\d+)/.exec(String(value.stack || ""));
      return value.name + ": " + value.message + (match ? " (line " + match[1] + ")" : "");
    }
    try { return JSON.stringify(value); } catch { return String(value); }
  }

  const makeLog = (level) => (...values) => call("console", level, lineOfCaller(), values.map(show).join(" "));
  Object.defineProperty(globalThis, "console", {
    value: Object.freeze({ log: makeLog("log"), info: makeLog("info"), warn: makeLog("warn"), error: makeLog("error") }),
  });
  Object.defineProperty(globalThis, "__host", { value: Object.freeze({ call }) });

  // Determinism: the same code gives the same timeline in the browser and on the server.
  // Time is the simulation's clock (milliseconds since the simulation began, as epoch time) and
  // always UTC, whatever the host's time zone; randomness is a fixed-seed generator.
  const HostDate = Date;
  const simNow = () => call("clock.now");
  const proto = HostDate.prototype;
  function SimDate(...args) {
    if (!new.target) return proto.toString.call(new HostDate(simNow()));
    if (args.length === 0) return Reflect.construct(HostDate, [simNow()], new.target);
    // Calendar fields are read as UTC, as everywhere in this sandbox.
    if (args.length > 1) return Reflect.construct(HostDate, [HostDate.UTC(...args)], new.target);
    return Reflect.construct(HostDate, args, new.target);
  }
  SimDate.prototype = proto;
  Object.defineProperty(proto, "constructor", { value: SimDate, writable: true, configurable: true });
  SimDate.now = simNow;
  SimDate.parse = HostDate.parse;
  SimDate.UTC = HostDate.UTC;
  for (const field of ["FullYear", "Month", "Date", "Day", "Hours", "Minutes", "Seconds", "Milliseconds"]) {
    proto["get" + field] = proto["getUTC" + field];
    if (field !== "Day") proto["set" + field] = proto["setUTC" + field];
  }
  proto.getTimezoneOffset = () => 0;
  proto.toString = function () { return this.toUTCString(); };
  proto.toDateString = function () { return this.toISOString().slice(0, 10); };
  proto.toTimeString = function () { return this.toISOString().slice(11, 23) + "Z"; };
  proto.toLocaleString = function () { return this.toISOString(); };
  proto.toLocaleDateString = proto.toDateString;
  proto.toLocaleTimeString = proto.toTimeString;
  Object.defineProperty(globalThis, "Date", { value: SimDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, "performance", {
    value: Object.freeze({ now: simNow, timeOrigin: 0 }),
    configurable: true,
  });
  let seed = 0x5eed;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
`;
