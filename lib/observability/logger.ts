import pino, { type Logger } from "pino";

// JSON lines on stdout: the container runtime collects them (see the logging lesson).
const LOGGER_KEY = Symbol.for("shipshape.logger");
type LoggerHolder = { [LOGGER_KEY]?: Logger };

export function logger(): Logger {
  const holder = globalThis as LoggerHolder;
  holder[LOGGER_KEY] ??= pino({
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "shipshape" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
  return holder[LOGGER_KEY];
}
