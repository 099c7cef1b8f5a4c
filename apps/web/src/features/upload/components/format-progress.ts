import { formatBytes } from '@/lib/format-bytes';
import { formatNumber, t } from '@/lib/i18n';
import type { UploadJobView } from '../engine/upload-types';

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return t('upload.seconds', { n: formatNumber(s) });
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return t('upload.minutes', { n: formatNumber(minutes) });
  const hours = formatNumber(Math.floor(minutes / 60));
  const rest = minutes % 60;
  return rest === 0 ? t('upload.hours', { h: hours }) : t('upload.hoursMinutes', { h: hours, m: formatNumber(rest) });
}

/** "12.5 MB of 80 MB · 4.2 MB/s · about 14 s left", leaving out what isn't known yet. */
export function formatProgress(progress: UploadJobView['progress']): string {
  const parts = [
    t('upload.sentOf', { sent: formatBytes(progress.sentBytes), total: formatBytes(progress.totalBytes) }),
  ];
  if (progress.bytesPerSecond !== null && progress.bytesPerSecond > 0)
    parts.push(t('upload.rate', { size: formatBytes(progress.bytesPerSecond) }));
  if (progress.secondsLeft !== null) parts.push(t('upload.timeLeft', { time: formatDuration(progress.secondsLeft) }));
  return parts.join(' · ');
}
