/**
 * Learner answers to every interview question, in four qualities, written as a
 * learner would type them. The generator picks a quality from the learner's
 * ability; the real rubric grader scores the text (interview-answers.test.ts
 * checks the qualities come out in order).
 */
export type InterviewQuality = "good" | "partial" | "poor" | "offTopic";

export const INTERVIEW_QUALITIES: readonly InterviewQuality[] = ["good", "partial", "poor", "offTopic"];

export const INTERVIEW_ANSWERS: Readonly<Record<string, Readonly<Record<InterviewQuality, string>>>> = {
  "sec-interview-production-secrets": {
    good: `First rule: secrets never go into the image. Anything set with ENV or a build arg stays in the image layers and shows up in docker history, so for build-time tokens I'd use a BuildKit secret mount.

At runtime I'd avoid environment variables too, because docker inspect shows them and every child process inherits them. Instead the secret arrives as a file, e.g. POSTGRES_PASSWORD_FILE pointing at /run/secrets/db_password. On Swarm that's a docker secret on tmpfs; on Kubernetes I'd mount a Secret as a volume and turn on encryption at rest, since by default it's only base64 in etcd. For anything more serious, Vault or the cloud's secrets manager with a workload identity.

Each service only gets the secrets it needs (RBAC), we rotate with an overlap period before we revoke the old one, and .env files go in .gitignore and .dockerignore.`,
    partial: `I'd keep the password out of the Dockerfile, because whatever you put in ENV ends up in the image layers. Then I'd use Docker secrets, which get mounted under /run/secrets inside the container so the app reads them from a file. Kubernetes has something similar I think. That's better than environment variables.`,
    poor: `I usually put them in a .env file and load it with env_file in compose, so they're not hard-coded in the code. That's secure enough since only the server can see it.`,
    offTopic: `We mostly used Heroku at my last job so the platform handled that for us. I'd have to look up how it works with Docker, honestly.`,
  },
  "dp-interview-backup-plan": {
    good: `I'd take logical backups with pg_dump in custom format (-Fc), run from a cron job on the host, so I can restore single tables with pg_restore. Copying the volume with tar while Postgres runs would give an inconsistent copy unless you stop the database or take an atomic snapshot.

The script starts with set -euo pipefail, writes to a temporary file and only renames it when the dump succeeded, and retention prunes only after a good backup. Each dump then goes off-host to an S3 bucket in another region (3-2-1).

Most important: a restore test every week into a throwaway container, timed, so we know our RTO. If a backup doesn't arrive, a dead man's switch alert fires. The dump runs as a read-only role with pg_read_all_data, not the superuser.`,
    partial: `I'd run pg_dump every night from cron and copy the file to S3 so it isn't only on the same host. I'd keep maybe 7 days of backups.`,
    poor: `The data is in a named volume, so it already survives container restarts. I'd just copy the volume folder with tar to another folder once a day.`,
    offTopic: `Postgres is a great choice for orders, much better than MongoDB for this kind of relational data with joins between customers and orders.`,
  },
  "hc-interview-probe-design": {
    good: `Liveness should be shallow: /livez only tells you the process is alive and the event loop responds, with no dependencies, because restarting won't fix a database outage. If liveness checked Postgres, a DB blip would restart every replica at once and you'd get a restart storm plus a reconnect storm on top of the outage.

Readiness (/readyz) can check the database with a quick SELECT 1, so a pod that can't reach it is removed from endpoints and stops receiving traffic, also while draining on shutdown. A startupProbe with a generous failureThreshold covers the slow start instead of a big initialDelaySeconds.

I'd set timeoutSeconds explicitly because the default is one second, and keep the query timeout below it. Caveat: if the database is a shared dependency, every replica goes not ready, there are zero endpoints and clients get 503 anyway.`,
    partial: `Liveness checks that the process is alive, readiness checks the database connection so Kubernetes stops sending traffic to a pod that can't reach the database. I would also add a startup probe because Node takes a while to boot.`,
    poor: `I would make one /health endpoint that checks everything, including the database and Redis, and use it for all three probes so they're consistent.`,
    offTopic: `Node is single-threaded so I'd use the cluster module to use all the CPU cores on the machine and get better throughput.`,
  },
  "ha-interview-graceful-shutdown": {
    good: `First the signal has to reach Node. With CMD in shell form or npm start, Node isn't PID 1 and may never get it, so I use exec form and --init or tini.

In the app a SIGTERM handler (process.on) first flips readiness to 503 so the load balancer stops sending traffic, then calls server.close() to stop accepting new connections while in-flight requests finish, closes idle keep-alive connections and finally pool.end() before exit 0.

Everything has to fit the grace period: Docker waits 10 seconds before SIGKILL, Kubernetes terminationGracePeriodSeconds is 30s, so I add a force-exit timer as a backstop. On Kubernetes there's a race between endpoint removal and SIGTERM, so a preStop hook with a short sleep gives kube-proxy time to catch up. I'd test it under load with docker stop and check the exit code is 0, not 137.`,
    partial: `Handle SIGTERM in Node with process.on, stop accepting new connections with server.close() and let the in-flight requests finish, then exit. In Kubernetes you can give it more time with terminationGracePeriodSeconds.`,
    poor: `Containers stop instantly anyway, so I would just run more copies of the API so that when one goes away the others take the requests.`,
    offTopic: `I like to use Express for APIs because it has a lot of middleware, though Fastify is faster in benchmarks.`,
  },
  "log-interview-design": {
    good: `Each container writes to stdout and stderr only, no log files inside the container, and the logging driver takes it from there.

Logs are structured JSON, one object per line (pino), with fields like timestamp, level, service name and a request id that we take from x-request-id or generate, so one request can be followed across services during an incident. Levels: info for normal events, warn and error only for actionable things, debug off by default and switchable with LOG_LEVEL.

We never log passwords or tokens; a redaction list removes them, and we keep PII out because of GDPR. On the hosts the json-file driver needs max-size and max-file for rotation, and Fluent Bit ships everything to a centralised store like Loki or Elasticsearch.`,
    partial: `I'd log to stdout so docker logs works, in JSON format so it's easy to search. And I'd send the logs to something like ELK so we can search across hosts.`,
    poor: `Every container writes a log file to /var/log/app.log in a volume, and when something breaks we SSH into the host and grep the file.`,
    offTopic: `Honestly the most useful thing in an incident is having a good runbook and a calm incident commander.`,
  },
  "mon-interview-monitor-troubleshoot": {
    good: `For metrics the app exposes a /metrics endpoint with prom-client and Prometheus scrapes it, plus cAdvisor and node_exporter for container and host metrics. I measure with the RED method: request rate, error rate and latency as a histogram so I can get p95 and p99, and I keep label cardinality low.

Grafana dashboards for the overview, alerts on symptoms through Alertmanager to whoever is on-call, each with a runbook. Logs are structured JSON to stdout and collected in Loki, and OpenTelemetry tracing with a trace id follows a slow request across services.

When something is wrong I start from the symptom, check what changed (a recent deploy?), then narrow down with docker ps, docker logs, docker stats and docker inspect for the exit code, e.g. 137 with OOMKilled.`,
    partial: `I'd set up Prometheus with cAdvisor to collect CPU and memory per container and put it on a Grafana dashboard. When something breaks I exec into the container and look around.`,
    poor: `I run docker ps every morning to see if all the containers are still up, and restart the ones that are not.`,
    offTopic: `Kubernetes is more popular than Swarm these days, so I'd learn Kubernetes first; it has a bigger community.`,
  },
  "res-interview-oom-restarts": {
    good: `Exit code 137 is 128 + 9, so it was a SIGKILL. First I'd confirm it's the OOM killer: docker inspect shows State.OOMKilled, docker events has an oom event, and dmesg has the kernel log line.

Next, Node's heap: V8 sizes its heap from the host, not the container limit, so I'd set NODE_OPTIONS=--max-old-space-size to about 75% of 512 MB and leave headroom for off-heap memory like buffers. If memory keeps growing until the restart it's a leak, so I'd take heap snapshots a few minutes apart and compare them, and watch the RestartCount.

I'd set --memory-swap equal to --memory so it doesn't swap, and watch docker stats or cAdvisor metrics in Prometheus for the working set. For CPU, --cpus=1 sets a hard ceiling; I'd check for throttling in cpu.stat so latency doesn't suffer.`,
    partial: `137 means the container was killed, probably out of memory. I'd check docker inspect for OOMKilled and look at docker stats to see the memory usage. Then raise the limit to 1g.`,
    poor: `It's probably a crash in the code. I'd remove the memory limit so it doesn't get killed, and set the restart policy to always.`,
    offTopic: `I'd rewrite the hot paths in Go or Rust, since Node uses a lot of memory compared to compiled languages.`,
  },
  "sec-interview-harden-orders-api": {
    good: `Start with the image: a multi-stage build that ends on node:20-slim or distroless, pinned by digest, with Renovate bumping it, and an SBOM published. Trivy scans it in CI with --exit-code 1 for HIGH and CRITICAL CVEs so the build fails, and we rescan nightly.

At runtime it runs as a non-root user (USER node, or UID 65532 on distroless), with runAsNonRoot on Kubernetes. The root filesystem is read-only with a tmpfs for /tmp, we drop all capabilities with --cap-drop ALL, set no-new-privileges and a pids-limit.

Never privileged, never mount docker.sock, no host network. Keep the default seccomp profile (RuntimeDefault) and enforce the restricted Pod Security standard.`,
    partial: `Switch to a slim base image so there's less to attack, and add a USER line so it doesn't run as root. Also run a scanner like Trivy in the pipeline.`,
    poor: `Running as root is fine inside a container because the container is isolated from the host. I'd put it behind a firewall.`,
    offTopic: `I would add input validation and rate limiting to the API so nobody can abuse the orders endpoint.`,
  },
  "ts-interview-restart-loop": {
    good: `Since it started after the release, I'd first ask what changed and mitigate: if users are hurting, roll back and keep investigating from the evidence.

I'd look at the container state before it restarts again: docker inspect shows the exit code and OOMKilled, RestartCount shows the loop; 137 with no error in the logs points to a SIGKILL from the kernel's OOM killer, which is silent from the app's point of view. docker events (or kubectl describe and its Last State) shows die and oom events with the exitCode.

Then docker stats or Grafana to compare memory usage with the memory limit, looking for a sawtooth that hits the limit. Finally the Node heap: if max-old-space-size is above the container limit, V8 never collects hard enough; I'd set NODE_OPTIONS and take a heap snapshot to find the leak.`,
    partial: `I'd check docker ps and docker inspect to see the exit code. If it's 137 it was killed, maybe out of memory, so I'd compare the memory usage with docker stats.`,
    poor: `Since there's no error in the app, it's probably the proxy. I'd restart the proxy and give it a longer wait before it gives up.`,
    offTopic: `We should add more unit tests before releases so this kind of thing gets caught in CI.`,
  },
  "zdd-interview-zero-downtime": {
    good: `You need at least two replicas so one can be replaced while the others serve. A readiness probe gates traffic: a new container only gets requests once it's ready, and the old one stops getting them before it goes away. Shutdown must be graceful: handle SIGTERM and drain in-flight requests within the grace period, with a preStop sleep on Kubernetes.

For the rollout itself, a rolling update with maxUnavailable 0 and maxSurge 1 (or update_config with order start-first on Swarm). Database changes must be backward compatible so both versions can run at once: expand and contract.

Then monitor the error rate during the rollout and roll back automatically if it rises (failure_action rollback, or kubectl rollout undo). For risky releases, a canary or blue-green with traffic shifting.`,
    partial: `Use a rolling update with several replicas so there's always one running, and a health check so traffic only goes to healthy containers. If it fails, roll back.`,
    poor: `Deploy at night when there are no users, so a bit of downtime doesn't matter.`,
    offTopic: `Docker Compose is the simplest way to run containers locally; I use it for all my side projects.`,
  },
  "zdd-interview-column-rename": {
    good: `Renaming in one step breaks during the rollout: for a while the old version (1.4) and 1.5.0 run side by side, and 1.4 still reads orders.total, so it fails as soon as the column is gone. A rollback would break too.

Instead I'd use expand and contract: add the column total_cents, write both columns in 1.5.0, backfill old rows in batches, switch reads behind a feature flag, and only in a later release drop the old column.

The migration should not run at each container's start-up, where replicas race each other; it runs as a separate job (a Kubernetes Job or a pipeline step) before the rollout. And I'd set a lock_timeout so an ALTER waiting for an ACCESS EXCLUSIVE lock doesn't block every query.`,
    partial: `The old code would break if the column disappears while it's still running, so I'd create the new column first, copy the data over, and drop the old column in a later release.`,
    poor: `Just run the migration at start-up like they suggest, but make it fast. Renaming a column is instant in Postgres anyway.`,
    offTopic: `I'd store money as integers in cents anyway, floats are dangerous for currency.`,
  },
};
