import http from "node:http";

export type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

/**
 * One simulated browser: its own source address on the loopback network (so
 * nginx and the app see one client IP per learner, as on the internet), its own
 * keep-alive connections and cookie jar.
 */
export class Client {
  private readonly agent: http.Agent;
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly localAddress: string,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  hasCookie(name: string): boolean {
    return [...this.cookies.keys()].some((key) => key.includes(name));
  }

  /**
   * Like a browser: when a reused keep-alive connection turns out to be closed
   * (reset before any byte of a response, e.g. nginx's old worker closing idle
   * connections after a reload), the request never reached a server and is sent
   * again once on a new connection (the pattern Node's docs give for `reusedSocket`).
   */
  async request(
    method: string,
    path: string,
    options: { body?: string | Buffer; headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<HttpResponse> {
    try {
      return await this.send(method, path, options);
    } catch (error) {
      if ((error as { staleKeepAlive?: boolean }).staleKeepAlive) return this.send(method, path, options);
      throw error;
    }
  }

  private send(
    method: string,
    path: string,
    options: { body?: string | Buffer; headers?: Record<string, string>; timeoutMs?: number },
  ): Promise<HttpResponse> {
    const url = new URL(path, this.baseUrl);
    const startedAt = performance.now();
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method,
          agent: this.agent,
          localAddress: this.localAddress,
          headers: {
            "user-agent": "shipshape-drill",
            ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
            ...(options.body !== undefined
              ? { "content-length": String(Buffer.byteLength(options.body)) }
              : {}),
            ...options.headers,
          },
          timeout: options.timeoutMs ?? 60_000,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            for (const line of response.headers["set-cookie"] ?? []) {
              const [pair] = line.split(";");
              const index = pair!.indexOf("=");
              const name = pair!.slice(0, index).trim();
              const value = pair!.slice(index + 1).trim();
              if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
              else this.cookies.set(name, value);
            }
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString("utf8"),
              ms: performance.now() - startedAt,
            });
          });
        },
      );
      request.on("timeout", () =>
        request.destroy(new Error(`timeout after ${options.timeoutMs ?? 60_000} ms`)),
      );
      let responded = false;
      request.on("response", () => (responded = true));
      request.on("error", (error: NodeJS.ErrnoException) => {
        const stale =
          request.reusedSocket &&
          !responded &&
          (error.code === "ECONNRESET" || error.message === "socket hang up");
        reject(stale ? Object.assign(error, { staleKeepAlive: true }) : error);
      });
      if (options.body !== undefined) request.write(options.body);
      request.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Learner n's address: 127.0.x.y, never 127.0.0.1 (the host's own traffic). */
export function learnerAddress(n: number): string {
  return `127.0.${10 + Math.floor(n / 200)}.${(n % 200) + 10}`;
}
