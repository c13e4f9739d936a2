// First-run convenience for the README start command: writes .env with a
// random auth secret and the SQLite location, unless .env already exists.
// (.env is git-ignored; production deployments set real variables instead.)
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";

if (existsSync(".env")) {
  console.log(".env exists: keeping it");
} else {
  writeFileSync(
    ".env",
    [
      "# Created by scripts/ensure-env.mjs for the local demo. Not committed.",
      'DATABASE_URL="file:./prisma/dev.db"',
      `BETTER_AUTH_SECRET="${randomBytes(32).toString("base64url")}"`,
      'BETTER_AUTH_URL="http://localhost:3000"',
      "",
    ].join("\n"),
  );
  console.log("wrote .env with a new random BETTER_AUTH_SECRET");
}
