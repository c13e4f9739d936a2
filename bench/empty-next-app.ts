// An empty Next app of the same Next version as ours: the yardstick for bench/pages.ts.
// Built once into bench/.empty-next (git-ignored) and rebuilt only when the Next version changes.
// It lives inside the repository so it resolves `next`, `react` and `react-dom` from our own
// node_modules: the same build of the same version, nothing downloaded.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const DIR = path.join(process.cwd(), "bench", ".empty-next");
const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

const FILES: Record<string, string> = {
  "app/layout.jsx": `export const metadata = { title: "Empty" };
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.jsx": `export default function Page() {
  return <main><h1>Empty page</h1><p>A static page of an empty Next app.</p></main>;
}
`,
  "next.config.mjs": `export default { poweredByHeader: false };\n`,
  // A package.json of its own keeps Next from reading our app's config, but has no dependencies:
  // module resolution walks up to our node_modules.
  "package.json": `{ "name": "empty-next-bench", "private": true, "type": "module" }\n`,
};

function nextVersion(): string {
  return (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string }).version;
}

/** Builds the empty app unless a build for this Next version is already cached. */
export function ensureEmptyNextBuild(): { dir: string; version: string } {
  const version = nextVersion();
  const stamp = path.join(DIR, ".built-with");
  if (
    existsSync(path.join(DIR, ".next", "BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === version
  ) {
    return { dir: DIR, version };
  }
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(DIR, file)), { recursive: true });
    writeFileSync(path.join(DIR, file), text);
  }
  console.log(`building the empty Next ${version} app in ${path.relative(process.cwd(), DIR)} (once)…`);
  const result = spawnSync(process.execPath, [NEXT_BIN, "build", DIR], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("building the empty Next app failed");
  writeFileSync(stamp, version);
  return { dir: DIR, version };
}

/** `next start` on the empty app; resolves once it answers. */
export async function startEmptyNext(port: number): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [NEXT_BIN, "start", DIR, "-p", String(port), "-H", "127.0.0.1"],
    {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error("the empty Next app exited during start-up");
    try {
      if ((await fetch(baseUrl)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the empty Next app did not answer in 30 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
