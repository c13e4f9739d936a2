// `npm run stack`: the production stack on this machine, in the foreground.
// PostgreSQL database `shipshape_stack` (migrated first), Redis DB 1, three
// replicas and nginx on http://127.0.0.1:3150. Ctrl-C stops everything.
import { parseArgs } from "node:util";
import { startStack } from "./stack";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.STACK_PORT ?? "3150" },
    replicas: { type: "string", default: "3" },
    database: { type: "string", default: "shipshape_stack" },
  },
});
const basePort = Number(values.port);
const replicas = Number(values.replicas);
if (!Number.isInteger(basePort) || !Number.isInteger(replicas) || replicas < 1 || replicas > 6) {
  console.error("usage: npm run stack -- [--port 3150] [--replicas 3] [--database shipshape_stack]");
  process.exit(2);
}

const stack = await startStack({
  basePort,
  replicas,
  postgres: {
    host: "127.0.0.1",
    port: 5432,
    user: process.env.PGUSER ?? "postgres",
    database: values.database,
  },
  redis: { host: "127.0.0.1", port: 6379, db: 1, keyPrefix: "shipshape-stack:" },
  viaProxies: false,
  runtimeDir: "tmp/stack",
});
console.log(`\nShipshape is up at ${stack.url} (nginx → ${stack.replicas.map((r) => r.url).join(", ")})`);
console.log("Logs: tmp/stack/logs/, nginx: tmp/stack/nginx/. Ctrl-C stops the stack (replicas drain first).");
console.log(`Rolling restart without downtime: kill -USR2 ${process.pid}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log("\nstopping: SIGTERM to every replica (each drains), then nginx");
  const exits = await Promise.all(stack.replicas.map((replica) => replica.stop("SIGTERM")));
  exits.forEach((exit, i) => console.log(`app-${i + 1} exited with code ${exit.code} after ${exit.ms} ms`));
  await stack.close();
  process.exit(0);
};
// `kill -USR2 <pid>`: zero-downtime rolling restart (each replica out of nginx's rotation, drained, back).
process.on("SIGUSR2", () => {
  void stack
    .rollingRestart()
    .then((exits) => console.log(`rolling restart done: exit codes ${exits.map((e) => e.code).join("/")}`));
});
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
