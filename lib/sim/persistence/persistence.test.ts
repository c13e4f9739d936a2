import { describe, expect, it } from "vitest";
import { DockerHost } from "./index";

const ok = (host: DockerHost, ...lines: string[]) => {
  for (const line of lines) {
    const result = host.run(line);
    if (!result.ok) throw new Error(`${line}: ${result.error}`);
  }
};
const volumes = (host: DockerHost) => [...host.volumes.keys()].sort();
const ANON_1 = `00000001${"0".repeat(56)}`;
const DB = "docker run -d --name orders-db -v pgdata:/var/lib/postgresql/data postgres:16";

describe("volume lifecycles", () => {
  it("docker rm keeps every volume; rm -v removes the anonymous ones only", () => {
    // postgres declares VOLUME /var/lib/postgresql/data: without -v it gets an anonymous volume.
    const host = new DockerHost();
    ok(host, "docker run -d --name a postgres:16", "docker run -d --name b -v named:/var/lib/postgresql/data -v /cache postgres:16");
    // a: anonymous #1; b: named plus anonymous #2 for /cache.
    expect(volumes(host)).toHaveLength(3);
    ok(host, "docker stop a b", "docker rm a");
    expect(volumes(host)).toContain(ANON_1);
    ok(host, "docker rm -v b");
    expect(volumes(host)).toEqual([ANON_1, "named"].sort());
  });

  it("run --rm removes the container's anonymous volumes when it exits, never a named one", () => {
    const host = new DockerHost();
    ok(host, "docker run --rm -v /scratch -v keep:/keep busybox true");
    expect(volumes(host)).toEqual(["keep"]);
    expect(host.containers.size).toBe(0);
  });

  it("a volume in use (even by a stopped container) cannot be removed", () => {
    const host = new DockerHost();
    ok(host, DB, "docker stop orders-db");
    expect(host.run("docker volume rm pgdata").error).toBe(
      "Error response from daemon: remove pgdata: volume is in use - [orders-db]",
    );
    ok(host, "docker rm orders-db", "docker volume rm pgdata");
    expect(volumes(host)).toEqual([]);
  });

  it("volume prune removes only unused anonymous volumes unless -a (Engine 23+)", () => {
    // Unused: anonymous #1 (from a removed container) and the named pgdata; in use: named "live".
    const host = new DockerHost();
    ok(host, "docker run -d --name old postgres:16", "docker rm -f old", DB, "docker rm -f orders-db");
    ok(host, "docker run -d --name keeper -v live:/var/lib/postgresql/data postgres:16");
    // Each pgdata directory holds an empty cluster: 40 MB apiece.
    expect(host.run("docker volume prune -f").output).toEqual(["Deleted Volumes:", ANON_1, "Total reclaimed space: 40MB"]);
    expect(volumes(host)).toEqual(["live", "pgdata"]);
    expect(host.run("docker volume prune -a -f").output).toEqual(["Deleted Volumes:", "pgdata", "Total reclaimed space: 40MB"]);
    expect(volumes(host)).toEqual(["live"]);
  });

  it("compose down keeps volumes; down -v removes the project's named and anonymous ones, not external", () => {
    const host = new DockerHost({
      appTarget: "shop-db-1",
      compose: {
        name: "shop",
        services: { db: { image: "postgres:16", volumes: ["pgdata:/var/lib/postgresql/data", "/tmp/cache"] }, files: { image: "busybox", volumes: ["uploads:/uploads"] } },
        volumes: { pgdata: {}, uploads: { external: true } },
      },
    });
    expect(host.run("docker compose up -d").error).toBe('external volume "uploads" not found');
    ok(host, "docker volume create uploads", "docker compose up -d");
    // shop_pgdata (project-named), uploads (external), one anonymous for /tmp/cache.
    expect(volumes(host)).toEqual([ANON_1, "shop_pgdata", "uploads"].sort());
    ok(host, "docker compose down");
    expect(volumes(host)).toHaveLength(3);
    ok(host, "docker compose up -d", "docker compose down -v");
    // The second up made anonymous #2; down -v removes it, shop_pgdata, and nothing external.
    expect(volumes(host)).toEqual([ANON_1, "uploads"].sort());
  });

  it("a bind mount's data lives on the host: no rm or prune touches it", () => {
    const host = new DockerHost({ ordersPerSecond: 1 });
    ok(host, "docker run -d --name orders-db -v /srv/pg:/var/lib/postgresql/data postgres:16");
    host.advance(30_000);
    ok(host, "docker rm -f -v orders-db", "docker volume prune -a -f");
    ok(host, "docker run -d --name orders-db -v /srv/pg:/var/lib/postgresql/data postgres:16");
    // 30 orders at 1/s survived on the host directory.
    expect(host.audit("orders-db")).toEqual({ expected: 30, found: 30, corrupt: 0, lost: 0 });
  });
});

describe("orders, downtime and backups", () => {
  // 2 orders/s; copies at 1 MB/s of an empty cluster of 10 MB plus 2000 bytes per order.
  const shop = () => new DockerHost({ ordersPerSecond: 2, baseBytes: 10_000_000, bytesPerOrder: 2_000, copyBytesPerSecond: 1_000_000 });

  it("orders commit while the database runs and fail while it is down; a kill loses nothing committed", () => {
    // 60 s up: 120 committed; 10 s stopped: 20 failed; the SIGKILLed container's volume, reused
    // by a new container, still has all 120 + 20 (10 s more) = 140.
    const host = shop();
    ok(host, DB);
    host.advance(60_000);
    ok(host, "docker stop orders-db");
    host.advance(10_000);
    ok(host, "docker start orders-db");
    host.advance(10_000);
    ok(host, "docker rm -f orders-db", DB);
    expect(host.failedOrders).toBe(20);
    expect(host.audit("orders-db")).toEqual({ expected: 140, found: 140, corrupt: 0, lost: 0 });
  });

  it("pg_dump of the running database restores every order of its snapshot", () => {
    // At 100 s: 200 orders. The dump (400 000 bytes) takes 400 ms; the restore into a fresh
    // database finds all 200.
    const host = shop();
    ok(host, DB);
    host.advance(100_000);
    ok(
      host,
      "docker exec orders-db pg_dump -U postgres -Fc orders > orders.dump",
      "docker volume create restored",
      "docker run -d --name restored-db -v restored:/var/lib/postgresql/data postgres:16",
      "docker exec -i restored-db pg_restore -U postgres -d orders < orders.dump",
    );
    expect(host.fileAt("orders.dump")).toMatchObject({ kind: "dump", orders: [[1, 200]], takenAt: 100_400, coversUpTo: 200 });
    expect(host.audit("restored-db", 200)).toEqual({ expected: 200, found: 200, corrupt: 0, lost: 0 });
    // Restoring twice collides with the orders already there.
    expect(host.run("docker exec -i restored-db pg_restore -U postgres -d orders < orders.dump").error).toMatch(/duplicate key/);
  });

  it("a file copy of the running database is torn: orders written during the copy come back broken or not at all", () => {
    // At 100 s, 200 orders; the copy of 10.4 MB takes 10.4 s. First half (5.2 s): 10.4 → 10
    // orders (201–210), in the table but not the index; second half: 10.4 + 0.4 carried → 10
    // (211–220), missing. Restored: 200 found, 10 corrupt, 10 lost of the 220 committed.
    const host = shop();
    ok(host, DB);
    host.advance(100_000);
    ok(host, "docker run --rm -v pgdata:/data -v $(pwd):/backup busybox tar czf /backup/pgdata.tgz -C /data .");
    expect(host.now).toBe(110_400);
    // The operator believes the archive covers everything committed when it finished: 220.
    expect(host.fileAt("pgdata.tgz")).toMatchObject({ kind: "tar", torn: true, coversUpTo: 220 });
    ok(
      host,
      "docker volume create restored",
      "docker run --rm -v restored:/data -v $(pwd):/backup busybox tar xzf /backup/pgdata.tgz -C /data",
      "docker run -d --name restored-db -v restored:/var/lib/postgresql/data postgres:16",
    );
    expect(host.audit("restored-db", 220)).toEqual({ expected: 220, found: 200, corrupt: 10, lost: 10 });
  });

  it("a copy of the stopped database is consistent, at the price of downtime", () => {
    // Stopped at 100 s (200 orders); the 10.4 s copy fails 20.8 → 20 orders; restore finds all 200.
    const host = shop();
    ok(host, DB);
    host.advance(100_000);
    ok(
      host,
      "docker stop orders-db",
      "docker run --rm -v pgdata:/data -v $(pwd):/backup busybox tar czf /backup/pgdata.tgz -C /data .",
      "docker start orders-db",
      "docker volume create restored",
      "docker run --rm -v restored:/data -v $(pwd):/backup busybox tar xzf /backup/pgdata.tgz -C /data",
      "docker run -d --name restored-db -v restored:/var/lib/postgresql/data postgres:16",
    );
    expect(host.failedOrders).toBe(20);
    expect(host.fileAt("pgdata.tgz")).toMatchObject({ torn: false });
    expect(host.audit("restored-db", 200)).toEqual({ expected: 200, found: 200, corrupt: 0, lost: 0 });
  });

  it("docker cp of a live data directory is the same torn copy", () => {
    const host = shop();
    ok(host, DB);
    host.advance(100_000);
    ok(host, "docker cp orders-db:/var/lib/postgresql/data ./pgdata-copy");
    expect(host.fileAt("pgdata-copy")).toMatchObject({ kind: "tar", torn: true, data: { orders: [[1, 200]], unindexed: [[201, 210]] } });
  });

  it("answers mistakes the way the CLI does", () => {
    const host = shop();
    ok(host, DB);
    expect(host.run("docker rm orders-db").error).toMatch(/container is running: stop the container before removing or force remove/);
    expect(host.run("docker exec orders-db pg_dump orders").error).toMatch(/redirect it to a file/);
    expect(host.run("docker run --rm busybox tar czf /backup/x.tgz -C /data .").error).toMatch(/no mounted directory/);
    expect(host.run("kubectl get pods").error).toMatch(/only docker commands/);
    expect(host.run("docker run -d --name orders-db postgres:16").error).toMatch(/already in use/);
    expect(host.history.filter((entry) => !entry.ok)).toHaveLength(5);
  });
});
