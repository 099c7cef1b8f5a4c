import { readFile } from 'node:fs/promises';

/**
 * What Linux knows about a process, read from /proc: the benchmark's evidence that the proxy streams
 * (peak RSS stays flat) and never touches the disk (write_bytes stays at zero).
 */
export interface ProcStats {
  /** Peak resident set size (VmHWM), bytes. */
  peakRssBytes: number;
  /** Bytes this process caused to be written to storage. */
  diskWriteBytes: number;
  /** CPU time used so far, user + system, seconds: where the work went, even on a busy machine. */
  cpuSeconds: number;
}

/** USER_HZ: the unit of /proc/<pid>/stat times, 100 on every Linux ABI Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;

export async function readProcStats(pid: number): Promise<ProcStats> {
  const [status, io, stat] = await Promise.all([
    readFile(`/proc/${pid}/status`, 'utf8'),
    readFile(`/proc/${pid}/io`, 'utf8'),
    readFile(`/proc/${pid}/stat`, 'utf8'),
  ]);
  return {
    peakRssBytes: kib(field(status, 'VmHWM')) * 1024,
    diskWriteBytes: Number(field(io, 'write_bytes')),
    cpuSeconds: cpuTicks(stat) / CLOCK_TICKS_PER_SECOND,
  };
}

/** utime + stime: fields 14 and 15, counted after the parenthesised command name (which may contain spaces). */
function cpuTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function field(text: string, name: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`/proc has no ${name} field`);
  return line.slice(name.length + 1).trim();
}

function kib(value: string): number {
  return Number(value.replace(/\s*kB$/, ''));
}
