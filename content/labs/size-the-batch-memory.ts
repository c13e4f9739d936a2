import type { LabInput } from "@/lib/labs/schema";

const lab: LabInput = {
  slug: "size-the-batch-memory",
  title: "Set the memory limit and heap cap so the nightly batch finishes",
  lesson: "resource-limits",
  lessonSection: "nodejs-the-heap-versus-the-container",
  summary: "Pick --memory, --memory-swap and --max-old-space-size for a batch that peaks at 860 MiB.",
  goal:
    "The nightly invoice batch of orders-api runs in its own container with --restart=on-failure:3. It starts " +
    "small and over 20 minutes builds up a 700 MiB JavaScript heap plus 100 MiB of Buffers, on top of about " +
    "60 MiB for Node itself. With --memory=512m and nothing else it never finishes. The node can give this " +
    "container at most 1 GiB. Pick the three settings so the batch finishes on its first run, is neither " +
    "OOM-killed nor stopped by V8's heap limit, never swaps, and keeps at least 100 MiB of headroom below the limit.",
  kind: "memory-config",
  scenario: {
    app: "A Node batch job: 60 MiB of runtime, a heap that grows from 20 to 700 MiB and Buffers from 10 to 100 MiB over 20 minutes, then exit 0.",
    workload: {
      nativeMb: 60,
      heapMb: 20,
      externalMb: 10,
      phases: [{ durationMs: 1_200_000, heapMbPerMin: 34, externalMbPerMin: 4.5 }],
      whenDone: "exit",
    },
    restartPolicy: "on-failure:3",
    horizonMs: 3_600_000,
    sampleEveryMs: 10_000,
  },
  input: {
    params: {
      memory: {
        label: "--memory",
        unit: "MiB",
        min: 64,
        max: 4096,
        default: 512,
        help: "The container's hard memory limit (cgroup memory.max).",
      },
      memorySwap: {
        label: "--memory-swap",
        unit: "MiB",
        min: 0,
        max: 8192,
        default: 0,
        help: "Memory plus swap, so at least --memory. 0 leaves it unset: Docker then allows as much swap again.",
      },
      maxOldSpaceSize: {
        label: "--max-old-space-size",
        unit: "MiB",
        min: 0,
        max: 4096,
        default: 0,
        help: "Node's heap cap (in NODE_OPTIONS). 0 leaves it to Node: about half the container's memory.",
      },
    },
  },
  hints: [
    "Run the defaults and read the exit code: 134 with a FATAL ERROR is V8's own heap limit, not the kernel. Node picked that limit from the container's memory.",
    "Add up what the process holds at its peak: the heap, the Buffers outside it and Node's own runtime. The container limit has to cover all three, with room to spare.",
    "Swap hides an undersized limit by making the job crawl. Setting --memory-swap equal to --memory turns swap off for the container, so a wrong size fails loudly.",
  ],
  solution: {
    params: { memory: 1024, memorySwap: 1024, maxOldSpaceSize: 768 },
    explanation:
      "At its peak the process holds 700 MiB of heap, 100 MiB of Buffers and 60 MiB of runtime: 860 MiB. " +
      "--memory=1024m covers that with 164 MiB to spare and is the most the node allows. Node's default heap " +
      "limit would be half of 1024 MiB, 512 MiB, far below the 700 MiB the batch needs, so it must be raised: " +
      "--max-old-space-size=768 gives the heap room while heap plus Buffers plus runtime still fits under the " +
      "container limit (a cap above what fits would turn a readable heap error into a silent OOM kill, exit 137). " +
      "--memory-swap=1024m equals --memory, so the container has no swap and cannot hide a wrong size by crawling.",
  },
  checks: [
    { type: "batch-completes" },
    { type: "no-heap-crash" },
    { type: "no-oom-kill" },
    { type: "no-swap" },
    { type: "memory-headroom", atLeastMb: 100 },
    { type: "memory-limit-at-most", mb: 1024 },
  ],
};

export default lab;
