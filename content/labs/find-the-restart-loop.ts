import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "find-the-restart-loop",
  title: "Find out why shop-api keeps restarting, and name the fix",
  lesson: "troubleshooting",
  lessonSection: "worked-incident-orders-api-restarts-every-few-minutes",
  summary: "Investigate a misbehaving container at a prompt, then name its root cause and a fix that stops it coming back.",
  goal:
    "Users report that the shop sometimes drops their requests, yet docker ps says shop-api is up. Investigate at " +
    "the prompt with docker ps, inspect, logs, stats, events, exec … cat (cgroup files) and curl, then choose the " +
    "root cause and the fix from the two lists. You are scored on the cause and the fix; the commands you used are " +
    "shown with the result, with any evidence you did not look at.",
  kind: "incident",
  scenario: { incident: "oom-restart-loop" },
  checks: [{ type: "incident-cause" }, { type: "incident-fix" }],
  input: { starterText: "" },
  hints: [
    "docker ps shows the present. Something that happened a minute ago needs a look back in time: which command lists what the daemon did to the container?",
    "A container that restarted is running again, and some fields are reset on each start. Look for what survives a restart: a counter in docker inspect, and the cgroup's own event counters under /sys/fs/cgroup.",
    "Compare the memory figure in docker stats with the container's limit, and think about what the kernel does when a cgroup goes past it.",
  ],
  solution: {
    text: [
      "docker ps",
      "docker events --since 30m",
      "docker inspect -f '{{.RestartCount}} {{.State.OOMKilled}}' shop-api",
      "docker exec shop-api cat /sys/fs/cgroup/memory.events",
    ].join("\n"),
    answer: { cause: "oom-kill", fix: "raise-memory-cap-heap" },
    explanation:
      "docker ps says Up 30 seconds: the container has just started again. docker events shows the pattern every " +
      "eleven minutes: oom, then die with exitCode=137, then start. RestartCount is 10, while OOMKilled reads false " +
      "because Docker clears it when the container starts again, and memory.events counts 10 oom_kill. The app's " +
      "memory grows until it passes --memory 256m and the kernel kills it; --restart always hides it. Restarting " +
      "changes nothing: raise the limit, cap V8's heap below it with --max-old-space-size so the app fails clearly " +
      "first, and find the leak.",
  },
};

export default lab;
