import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:drills` and `npm run test:image`: fault drills against the real stack (nginx, three replicas,
// PostgreSQL, Redis) on ports 3150-3159, and the image checks (podman). One file at a
// time: they share the ports and the machine's two cores.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-noop.ts"),
    },
  },
  test: {
    name: "drills",
    include: ["tests/drills/**/*.drill.test.ts", "tests/image/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
