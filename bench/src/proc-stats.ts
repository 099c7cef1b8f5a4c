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
}

export async function readProcStats(pid: number): Promise<ProcStats> {
  const [status, io] = await Promise.all([
    readFile(`/proc/${pid}/status`, 'utf8'),
    readFile(`/proc/${pid}/io`, 'utf8'),
  ]);
  return {
    peakRssBytes: kib(field(status, 'VmHWM')) * 1024,
    diskWriteBytes: Number(field(io, 'write_bytes')),
  };
}

function field(text: string, name: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`/proc has no ${name} field`);
  return line.slice(name.length + 1).trim();
}

function kib(value: string): number {
  return Number(value.replace(/\s*kB$/, ''));
}
