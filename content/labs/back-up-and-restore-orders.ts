import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "back-up-and-restore-orders",
  title: "Back up orders-db and restore it with no lost orders, while the shop stays open",
  lesson: "data-persistence",
  lessonSection: "test-your-restores",
  summary: "At a prompt on a simulated Docker host: take a consistent backup of a busy database and prove it restores.",
  goal:
    "orders-db is a postgres:16 container with its data on the named volume pgdata, and the shop writes 2 orders " +
    "a second into it. Take a backup into your working directory and restore it into a new container called " +
    "orders-restore, so that it holds every order the backup claims to hold, none missing and none corrupt. The shop " +
    "must keep taking orders the whole time: no order may fail because the database was stopped. Commands run " +
    "against a simulated host (docker volume, run, stop, start, rm, ps, exec with pg_dump, pg_restore or psql, cp).",
  kind: "backup-restore",
  scenario: {
    ordersPerSecond: 2,
    baseBytes: 40_000_000,
    bytesPerOrder: 2_000,
    copyBytesPerSecond: 10_000_000,
    setup: [
      "docker volume create pgdata",
      "docker run -d --name orders-db -v pgdata:/var/lib/postgresql/data postgres:16",
    ],
    warmupMs: 600_000,
    thinkMs: 5_000,
    restoreContainer: "orders-restore",
  },
  checks: [
    { type: "backup-file" },
    { type: "restore-complete" },
    { type: "orders-failed", max: 0 },
  ],
  input: { starterText: "" },
  hints: [
    "Start with docker ps and docker volume ls to see what is there. The database never stops taking orders while you work.",
    "Copying the files of a running database (tar of the volume, or docker cp) gives an archive that looks complete and is not. Stopping the database first makes the copy consistent, but orders fail meanwhile.",
    "Ask PostgreSQL itself for the backup: its own tool reads one consistent snapshot while writes go on. Write its output to a file with >, and feed it back with < into a fresh container.",
  ],
  solution: {
    text: [
      "docker exec orders-db pg_dump -U postgres -Fc orders > orders.dump",
      "docker volume create orders-restore-data",
      "docker run -d --name orders-restore -v orders-restore-data:/var/lib/postgresql/data postgres:16",
      "docker exec -i orders-restore pg_restore -U postgres -d orders < orders.dump",
    ].join("\n"),
    explanation:
      "pg_dump runs inside the live server and reads the orders table from one snapshot taken when it starts, so " +
      "the dump is consistent even though orders keep arriving, and nothing has to stop. Restoring it with " +
      "pg_restore into a fresh postgres container on its own volume gives a database that answers for every order " +
      "up to the snapshot. A tar of the pgdata volume while orders-db runs is torn: orders written during the copy " +
      "come back missing or unindexed. Stopping orders-db first makes the tar consistent, but every order placed " +
      "while it is down fails.",
  },
};

export default lab;
