import { formatBytes } from '@/lib/format-bytes';
import type { UploadJobView } from '../engine/upload-types';

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
  if (progress.bytesPerSecond !== null && progress.bytesPerSecond > 0)
    parts.push(`${formatBytes(progress.bytesPerSecond)}/s`);
  if (progress.secondsLeft !== null) parts.push(`about ${formatDuration(progress.secondsLeft)} left`);
  return parts.join(' · ');
}
