import { openSync, readSync } from "node:fs";

/** Linux reports thread CPU time in clock ticks of 10 ms (USER_HZ = 100 on every mainstream build). */
const TICK_MS = 10;
/** Between readings the clock interpolates with wall time, so a tight loop's deadline checks stay cheap. */
const READ_EVERY_MS = 5;

/**
 * The calling thread's CPU time in milliseconds (utime + stime from /proc/thread-self/stat), or
 * null where that file does not exist. Read at most every few milliseconds; in between it adds
 * the wall time since the last reading, which can only over-count until the next reading.
 */
export function threadCpuClock(): (() => number) | null {
  let fd: number;
  try {
    fd = openSync("/proc/thread-self/stat", "r");
  } catch {
    return null;
  }
  const buffer = Buffer.alloc(1024);
  const read = () => {
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.toString("latin1", 0, length);
    // Fields after the command name (which may hold spaces) start after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  };
  let cpuAt = read();
  let wallAt = performance.now();
  let last = cpuAt;
  // Monotonic: a fresh reading may be below the interpolation before it; time never runs back.
  return () => {
    const wall = performance.now();
    if (wall - wallAt >= READ_EVERY_MS) {
      cpuAt = read();
      wallAt = wall;
    }
    last = Math.max(last, cpuAt + (wall - wallAt));
    return last;
  };
}
