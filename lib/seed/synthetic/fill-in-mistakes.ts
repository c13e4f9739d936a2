/**
 * Wrong answers learners really give, per fill-in question and blank:
 * `misconceptions` are wrong ideas; `alternatives` are reasonable phrasings the
 * key does not accept yet, so an instructor has something to "accept for
 * everyone". Questions not listed here borrow a plausible wrong term from
 * elsewhere in the bank (see answer.ts).
 */
export type BlankMistakes = { misconceptions: readonly string[]; alternatives?: readonly string[] };

export const FILL_IN_MISTAKES: Readonly<Record<string, readonly BlankMistakes[]>> = {
  "sec-secrets-deliver-sensitive-data": [
    { misconceptions: ["ConfigMaps", "environment variables", "volumes"], alternatives: ["secret store"] },
  ],
  "sec-buildkit-secret-mount": [{ misconceptions: ["bind", "cache", "tmpfs"] }],
  "sec-swarm-secret-location": [
    { misconceptions: ["/var/run/secrets", "/etc/secrets", "/secrets"] },
    { misconceptions: ["overlay", "ext4"], alternatives: ["tmpfs (RAM)"] },
  ],
  "sec-postgres-file-convention": [
    { misconceptions: ["POSTGRES_PASSWORD_PATH", "PGPASSFILE", "POSTGRES_SECRET"] },
  ],
  "dp-compose-down-v-flag": [
    { misconceptions: ["--rmi all", "--remove-orphans", "-f"], alternatives: ["--volumes=true"] },
  ],
  "dp-volume-prune-default": [
    { misconceptions: ["dangling", "stopped"], alternatives: ["anonymous (unnamed)"] },
    { misconceptions: ["--force", "-f"], alternatives: ["--all=true"] },
  ],
  "dp-dump-format": [
    { misconceptions: ["-Fp", "-Fd", "--format=tar"], alternatives: ["-F custom"] },
    { misconceptions: ["psql", "pg_load"] },
  ],
  "dp-backup-strict-mode": [
    { misconceptions: ["-e", "-x", "-euo"], alternatives: ["-o errexit -o nounset -o pipefail"] },
  ],
  "hc-exit-codes": [
    { misconceptions: ["1", "200"] },
    { misconceptions: ["0", "500", "2"], alternatives: ["non-0"] },
  ],
  "hc-worked-timing": [{ misconceptions: ["82", "67", "85", "102"], alternatives: ["1m35s"] }],
  "hc-k8s-probe-defaults": [
    { misconceptions: ["30", "5"] },
    { misconceptions: ["5", "10"], alternatives: ["1sec"] },
  ],
  "ha-shutdown-signals": [
    { misconceptions: ["SIGKILL", "SIGHUP"] },
    { misconceptions: ["SIGQUIT", "SIGKILL"], alternatives: ["Ctrl-C"] },
  ],
  "ha-exit-codes": [{ misconceptions: ["9", "143", "1"] }, { misconceptions: ["15", "137", "0"] }],
  "ha-nginx-passive-defaults": [
    { misconceptions: ["3", "5"] },
    { misconceptions: ["30s", "60s"], alternatives: ["10 sec"] },
  ],
  "log-streams": [
    { misconceptions: ["syslog", "a log file"], alternatives: ["standard output stream"] },
    { misconceptions: ["journald", "/var/log"], alternatives: ["standard error stream"] },
  ],
  "log-rotation-options": [
    { misconceptions: ["max-age", "rotate-size"], alternatives: ["log-opt max-size=10m"] },
    { misconceptions: ["max-count", "keep-files"] },
  ],
  "log-rotation-capacity": [{ misconceptions: ["10", "5", "60"], alternatives: ["50M"] }],
  "mon-metrics-endpoint": [
    { misconceptions: ["/health", "/prometheus", "/stats"], alternatives: ["GET /metrics"] },
  ],
  "mon-rate-counter": [{ misconceptions: ["sum", "avg_over_time", "delta"] }],
  "mon-histogram-quantile-le": [{ misconceptions: ["instance", "job", "bucket"] }],
  "res-cpu-flag": [
    { misconceptions: ["--cpu-shares", "--cpuset-cpus", "--memory"], alternatives: ["--cpus flag"] },
  ],
  "res-cpu-shares-default": [
    { misconceptions: ["512", "100", "1"] },
    { misconceptions: ["idle", "limited"], alternatives: ["under load", "maxed out"] },
  ],
  "res-oom-signature": [
    { misconceptions: ["139", "143", "1"] },
    { misconceptions: ["Dead", "Restarting", "Error"], alternatives: ["OOMKilled: true"] },
  ],
  "sec-trivy-ci-gate": [
    { misconceptions: ["--fail", "--strict", "--severity"], alternatives: ["--exit-code 2"] },
    { misconceptions: ["1", "2"] },
  ],
  "sec-cap-drop-add-back": [
    { misconceptions: ["SYS_ADMIN", "everything"] },
    { misconceptions: ["NET_ADMIN", "SYS_ADMIN", "NET_RAW"] },
  ],
  "ts-signal-exit-codes": [
    { misconceptions: ["9", "143"] },
    { misconceptions: ["15", "137"] },
    { misconceptions: ["11", "134", "1"] },
  ],
  "ts-docker-logs-window": [{ misconceptions: ["--until", "-t"] }, { misconceptions: ["--lines", "-l"] }],
  "ts-crashloop-kubernetes": [
    { misconceptions: ["--follow", "-f", "--all-containers"] },
    { misconceptions: ["Events", "State", "Conditions"], alternatives: ["Last State: Terminated"] },
  ],
  "zdd-swarm-update-defaults": [
    { misconceptions: ["2", "all"] },
    { misconceptions: ["rollback", "continue"] },
    { misconceptions: ["30s", "0s", "10s"], alternatives: ["5 secs"] },
    { misconceptions: ["start-first"] },
  ],
  "zdd-k8s-surge-rounding": [{ misconceptions: ["12", "11", "15"] }, { misconceptions: ["7", "9"] }],
  "zdd-expand-contract-order": [
    { misconceptions: ["rename", "alter"], alternatives: ["introduce"] },
    { misconceptions: ["convert"], alternatives: ["copy"] },
    { misconceptions: ["rename", "keep"] },
  ],
};
