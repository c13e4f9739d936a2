// Prints how fast the Dockerfile checker (lib/sim/dockerfile) runs and how big it is in a browser.
//   npm run bench:dockerfile
// Checks the security lab's starter and hardened solution 2 000 times each (with a 500-file build
// context and a .dockerignore), then bundles the module for the browser with esbuild (no Node
// built-ins allowed) and prints the minified size.
import { build } from "esbuild";
import { checkDockerfile } from "../lib/sim/dockerfile";

const context = ["package.json", "package-lock.json", ".env", "config/.env", "certs/server.pem"];
for (let i = 0; i < 495; i++) context.push(`src/module-${i}/index.js`);
const starter =
  "FROM node\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y build-essential python3\nRUN npm install\nENV API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\nEXPOSE 80\nCMD npm start\n";
const solution = [
  "FROM node:22.12-bookworm-slim AS build",
  "WORKDIR /app",
  "COPY . .",
  "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci && npm run build && npm prune --omit=dev",
  "FROM node:22.12-bookworm-slim",
  "ENV NODE_ENV=production PORT=8080 CACHE_DIR=/tmp/cache",
  "WORKDIR /app",
  "COPY --from=build /app/node_modules ./node_modules",
  "COPY --from=build /app/dist ./dist",
  "USER node",
  'HEALTHCHECK CMD ["node", "dist/healthcheck.js"]',
  'CMD ["node", "dist/server.js"]',
].join("\n");
const base = {
  context,
  dockerignore: "**/.env\n**/*.pem\nnode_modules\n",
  run: { writable: ["/tmp"] },
  app: { writes: [{ path: "/app/cache", env: "CACHE_DIR" }], listen: { port: 80, env: "PORT" } },
};
const runs = 2_000;
const start = performance.now();
let starterFails: string[] = [];
let solutionFails: string[] = [];
for (let i = 0; i < runs; i++) {
  starterFails = checkDockerfile({ ...base, dockerfile: starter })
    .filter((r) => !r.pass)
    .map((r) => r.id);
  solutionFails = checkDockerfile({ ...base, dockerfile: solution })
    .filter((r) => !r.pass)
    .map((r) => r.id);
}
const ms = performance.now() - start;
console.log(
  `dockerfile: ${runs * 2} checks in ${ms.toFixed(0)} ms wall (${(ms / runs / 2).toFixed(2)} ms each)`,
);
console.log(
  `  starter fails ${starterFails.length} of 9 (${starterFails.join(", ")}); solution fails ${solutionFails.length}`,
);

const bundleSize = async (external: string[]) => {
  const bundle = await build({
    entryPoints: ["lib/sim/dockerfile/index.ts"],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
    external,
  });
  return bundle.outputFiles[0]!.text;
};
const text = await bundleSize([]);
const withoutZod = await bundleSize(["zod"]);
const nodeBuiltins = text.match(/["'](node:[a-z_/]+|fs|path|os|crypto|child_process)["']/g) ?? [];
console.log(
  `  browser bundle: ${(text.length / 1024).toFixed(1)} KiB minified with zod (${(withoutZod.length / 1024).toFixed(1)} KiB when the page already has zod); Node built-ins referenced: ${nodeBuiltins.length === 0 ? "none" : nodeBuiltins.join(", ")}`,
);
