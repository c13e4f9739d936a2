// Prints how fast the persistence engine (lib/sim/persistence) covers 24 hours of virtual time.
//   npm run bench:persistence
// orders-db takes 5 orders/s all day; every hour a pg_dump, every 6 hours a hot tar copy and a
// stop-copy-start cold copy, every hour a throw-away container with an anonymous volume and a
// volume prune; at the end each kind of backup is restored and audited.
import { DockerHost } from "../lib/sim/persistence";

const HOUR = 3_600_000;
const start = performance.now();
const host = new DockerHost({ ordersPerSecond: 5 });
const must = (line: string) => {
  const result = host.run(line);
  if (!result.ok) throw new Error(`${line}: ${result.error}`);
};
must("docker run -d --name orders-db -v pgdata:/var/lib/postgresql/data postgres:16");
for (let hour = 1; hour <= 24; hour++) {
  host.advance(HOUR - (host.now % HOUR));
  must(`docker exec orders-db pg_dump -U postgres -Fc orders > dump-${hour}.dump`);
  must(`docker run -d --name scratch-${hour} postgres:16`);
  must(`docker rm -f scratch-${hour}`);
  must("docker volume prune -f");
  if (hour % 6 === 0) {
    must(`docker run --rm -v pgdata:/data -v $(pwd):/backup busybox tar czf /backup/hot-${hour}.tgz -C /data .`);
    must("docker stop orders-db");
    must(`docker run --rm -v pgdata:/data -v $(pwd):/backup busybox tar czf /backup/cold-${hour}.tgz -C /data .`);
    must("docker start orders-db");
  }
}
const restores: string[] = [];
for (const [label, file] of [["pg_dump", "dump-24.dump"], ["hot copy", "hot-24.tgz"], ["cold copy", "cold-24.tgz"]] as const) {
  const name = label.replace(/\W/g, "-");
  must(`docker volume create r-${name}`);
  if (file.endsWith(".tgz")) must(`docker run --rm -v r-${name}:/data -v $(pwd):/backup busybox tar xzf /backup/${file} -C /data`);
  must(`docker run -d --name r-${name} -v r-${name}:/var/lib/postgresql/data postgres:16`);
  if (file.endsWith(".dump")) must(`docker exec -i r-${name} pg_restore -U postgres -d orders < ${file}`);
  const backup = host.fileAt(file)!;
  const audit = host.audit(`r-${name}`, backup.coversUpTo)!;
  restores.push(`${label}: ${audit.found} found, ${audit.corrupt} corrupt, ${audit.lost} lost`);
}
console.log(
  `persistence: ${(host.now / HOUR).toFixed(2)} h virtual in ${(performance.now() - start).toFixed(0)} ms wall; ` +
    `${host.history.length} commands, ${host.committed.reduce((n, [a, b]) => n + b - a + 1, 0).toLocaleString("en")} orders committed, ` +
    `${host.failedOrders} failed during cold copies`,
);
console.log(`  restores: ${restores.join("; ")}`);
