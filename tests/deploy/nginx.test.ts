import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NGINX_BIN, checkNginxConfig, renderNginxConfig } from "@/scripts/stack/nginx";

// deploy/nginx rendered as the stack renders it, then checked by nginx itself
// (`nginx -t`, where nginx is installed) and for the settings the lessons teach.
const runtimeDir = mkdtempSync(path.join(tmpdir(), "shipshape-nginx-"));
afterAll(() => rmSync(runtimeDir, { recursive: true, force: true }));
const confFile = renderNginxConfig({
  listen: "127.0.0.1:3159",
  upstreams: ["127.0.0.1:3151", "127.0.0.1:3152", "127.0.0.1:3153"],
  runtimeDir,
});
const rendered = (name: string) => readFileSync(path.join(path.dirname(confFile), name), "utf8");
const directives = (text: string) => text.replace(/#.*$/gm, "");

describe("nginx config (deploy/nginx)", () => {
  it.skipIf(!existsSync(NGINX_BIN))("passes nginx -t", () => {
    expect(checkNginxConfig(confFile)).toMatch(/syntax is ok/);
  });

  it("has every replica with passive health checks, and idle keep-alive shorter than the app's drain delay", () => {
    const upstream = directives(rendered("upstream.conf"));
    for (const port of [3151, 3152, 3153])
      expect(upstream).toMatch(
        new RegExp(`server 127\\.0\\.0\\.1:${port} max_fails=\\d+ fail_timeout=\\d+s;`),
      );
    const keepalive = Number(/keepalive_timeout (\d+)s;/.exec(upstream)?.[1]);
    expect(keepalive * 1000).toBeLessThan(2_000); // SHUTDOWN_DRAIN_DELAY_MS in the stack and manifests
  });

  it("retries only what is safe to retry", () => {
    const retries = directives(rendered("retries.conf"));
    expect(retries).toMatch(/proxy_next_upstream error timeout/);
    expect(retries).not.toMatch(/non_idempotent/);
  });

  it("sets X-Forwarded-* from what nginx saw, compresses, and caches hashed static files", () => {
    const headers = directives(rendered("proxy-headers.conf"));
    expect(headers).toMatch(/X-Forwarded-For \$remote_addr;/);
    expect(headers).toMatch(/X-Forwarded-Proto \$scheme;/);
    expect(directives(rendered("gzip.conf"))).toMatch(/gzip on;/);
    const statics = directives(rendered("static.conf"));
    expect(statics).toMatch(/location \/_next\/static\//);
    expect(statics).toMatch(/immutable/);
    expect(statics).toMatch(/proxy_cache static;/);
  });
});
