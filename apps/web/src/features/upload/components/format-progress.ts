import type { UploadJobView } from '../engine/upload-types';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** Decimal units, like the sizes browsers and phones show for files. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  let shown = round(value, unit);
  // 999,999,999 B rounds to "1000 MB": say "1 GB" instead.
  if (shown >= 1000 && unit < UNITS.length - 1) {
    unit++;
    shown = round(shown / 1000, unit);
  }
  return `${shown} ${UNITS[unit]}`;
}

function round(value: number, unit: number): number {
  return Number(value.toFixed(unit === 0 || value >= 100 ? 0 : 1));
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "12.5 MB of 80 MB · 4.2 MB/s · about 14 s left", leaving out what isn't known yet. */
export function formatProgress(progress: UploadJobView['progress']): string {
  const parts = [`${formatBytes(progress.sentBytes)} of ${formatBytes(progress.totalBytes)}`];
  if (progress.bytesPerSecond !== null && progress.bytesPerSecond > 0) parts.push(`${formatBytes(progress.bytesPerSecond)}/s`);
  if (progress.secondsLeft !== null) parts.push(`about ${formatDuration(progress.secondsLeft)} left`);
  return parts.join(' · ');
}
