const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/**
 * The one way the app writes a file size: decimal units (1 MB = 1,000,000 bytes), as browsers,
 * phones and TikTok's own "4 GB" limit do, so the composer and the upload queue show one file the
 * same way.
 */
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
