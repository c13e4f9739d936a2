import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSecretFiles } from "./secret-files";

describe("loadSecretFiles", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "secret-files-"));
  const file = path.join(dir, "database_url");
  writeFileSync(file, "postgresql://app:s3cret@db:5432/app\n");

  it("reads NAME from NAME_FILE, trimmed", () => {
    const env: Record<string, string | undefined> = { DATABASE_URL_FILE: file };
    expect(loadSecretFiles(["DATABASE_URL", "REDIS_URL"], env)).toEqual(["DATABASE_URL"]);
    expect(env.DATABASE_URL).toBe("postgresql://app:s3cret@db:5432/app");
  });

  it("keeps an explicit value and refuses an empty file", () => {
    const env: Record<string, string | undefined> = { DATABASE_URL: "file:x.db", DATABASE_URL_FILE: file };
    expect(loadSecretFiles(["DATABASE_URL"], env)).toEqual([]);
    expect(env.DATABASE_URL).toBe("file:x.db");
    const empty = path.join(dir, "empty");
    writeFileSync(empty, "  \n");
    expect(() => loadSecretFiles(["REDIS_URL"], { REDIS_URL_FILE: empty })).toThrow(/is empty/);
  });
});
