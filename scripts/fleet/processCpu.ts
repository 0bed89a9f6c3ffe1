import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)). */
const TICKS_PER_S = 100;

/**
 * CPU-seconds a live process has used, user and system, from /proc/PID/stat
 * (fields 14 and 15, after the command name in parentheses, which may hold spaces).
 */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
}

/** Sums CPU over processes that come and go: a process's last reading is kept when it is killed and replaced. */
export function createCpuMeter() {
  const last = new Map<number, { start: number; latest: number }>();
  return {
    /** Starts counting a process from now. */
    watch(pid: number): void {
      const now = cpuSeconds(pid);
      last.set(pid, { start: now, latest: now });
    },
    /** Reads every watched process that still lives; call just before a kill, and at the end. */
    sample(): void {
      for (const [pid, reading] of last) {
        try {
          reading.latest = cpuSeconds(pid);
        } catch {
          // Gone: its last reading stands.
        }
      }
    },
    total: (): number => [...last.values()].reduce((sum, { start, latest }) => sum + latest - start, 0),
  };
}
