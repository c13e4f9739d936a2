// Run after `npm prune --omit=dev` (Dockerfile, scripts/image/stage-prebuilt.sh), in the
// directory holding package-lock.json and node_modules. npm keeps every package the lock
// file marks `devOptional`: a dev dependency that some production package also names as
// an optional peer (vitest for better-auth, @playwright/test for next, typescript for
// prisma...). Production never needs those, so they go too, with what only they pulled
// in, unless a production package (or package.json) depends on one outright.
import { existsSync, readFileSync, readdirSync, rmSync, lstatSync } from "node:fs";
import path from "node:path";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const entries = Object.entries(lock.packages);
const nameOf = (where) => where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
const needed = new Set();
for (const [where, entry] of entries) {
  if (where !== "" && (entry.dev || entry.devOptional)) continue;
  for (const deps of [entry.dependencies, entry.optionalDependencies])
    for (const name of Object.keys(deps ?? {})) needed.add(name);
}
const removed = [];
for (const [where, entry] of entries) {
  if (!entry.devOptional || needed.has(nameOf(where)) || !existsSync(where)) continue;
  rmSync(where, { recursive: true, force: true });
  removed.push(where);
}
// Their command links in node_modules/.bin now point nowhere.
const bin = path.join("node_modules", ".bin");
for (const link of existsSync(bin) ? readdirSync(bin) : []) {
  const file = path.join(bin, link);
  if (lstatSync(file).isSymbolicLink() && !existsSync(file)) rmSync(file);
}
console.log(`prune-optional-peers: removed ${removed.length} packages only dev tools use`);
