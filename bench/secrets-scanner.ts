// Prints how fast the secrets host (lib/sim/secrets) scans a day of a container's surfaces.
//   npm run bench:secrets
// A container logs one request line per second for 24 hours (86 400 lines, each with a request
// id and a base64 trace token); at 13:00 one line leaks the database password inside a Basic
// auth header. The scanner must find exactly that line. Then the lab's loader checks run 200 times.
import { checkLoader, scanContainer, SimContainer, type Loader } from "../lib/sim/secrets";

const PASSWORD = "c0rrect h0rse/b@ttery!";
const container = new SimContainer({
  env: { DB_PASSWORD_FILE: "/run/secrets/db_password" },
  secrets: [{ name: "db_password", content: `${PASSWORD}\n` }],
});
for (let s = 0; s < 86_400; s++) {
  const hh = String(Math.floor(s / 3600)).padStart(2, "0");
  const trace = btoa(`trace-${s}-${(s * 2654435761) >>> 0}`);
  container.log("stdout", `${hh}:xx GET /orders/${s % 997} 200 12ms req=${s.toString(36)} trace=${trace}`);
  if (s === 13 * 3600)
    container.log("stderr", `retrying with Authorization: Basic ${btoa(`shop:${PASSWORD}`)}`);
}
let start = performance.now();
const findings = scanContainer(container, PASSWORD).filter((f) => !f.expected);
const scanMs = performance.now() - start;
console.log(
  `secrets: scanned 24 h of logs (${container.logs.length.toLocaleString("en")} lines) + inspect + environ in ${scanMs.toFixed(0)} ms wall; leaks: ${findings.map((f) => `${f.surface} ${f.where} (${f.encoding})`).join(", ")}`,
);

const loader: Loader = ({ readFile, env }) => {
  const path = env.DB_PASSWORD_FILE ?? "/run/secrets/db_password";
  try {
    return { dbPassword: readFile(path).trim() };
  } catch {
    throw new Error(`secret db_password is missing: mount it at ${path}`);
  }
};
start = performance.now();
let passed = 0;
for (let i = 0; i < 200; i++)
  passed += checkLoader(loader, {
    container: { secrets: [{ name: "db_password", content: `${PASSWORD}\n` }] },
    required: [{ name: "db_password", configKey: "dbPassword", value: PASSWORD }],
  }).checks.every((c) => c.pass)
    ? 1
    : 0;
console.log(
  `  loader checks: 200 in ${(performance.now() - start).toFixed(0)} ms wall; ${passed}/200 passed`,
);
