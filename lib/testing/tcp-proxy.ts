import net from "node:net";

/**
 * A TCP proxy we control, standing between the app and a shared server
 * (PostgreSQL, Redis). `stop()` cuts every connection and refuses new ones, as
 * if the server had gone down, without touching the real server that other
 * tests are using at the same time; `start()` brings it back on the same port.
 */
export type TcpProxy = {
  port: number;
  url: (template: string) => string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  close: () => Promise<void>;
  isUp: () => boolean;
};

export async function startTcpProxy(options: {
  target: { host: string; port: number };
  port?: number;
  host?: string;
}): Promise<TcpProxy> {
  const host = options.host ?? "127.0.0.1";
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = options.port ?? 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(options.target.port, options.target.host);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      s.once("error", reject);
      s.listen(port, host, () => {
        const address = s.address();
        if (typeof address === "object" && address) port = address.port;
        server = s;
        resolve();
      });
    });

  const stop = async () => {
    const s = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await listen();
  return {
    port,
    url: (template) => template.replace("{port}", String(port)),
    stop,
    start: async () => {
      if (!server) await listen();
    },
    close: stop,
    isUp: () => server !== null,
  };
}
