import { activeLocale } from './i18n/i18n';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * The one way the app writes a file size: decimal units (1 MB = 1,000,000 bytes), as browsers,
 * phones and TikTok's own "4 GB" limit do, so the composer and the upload queue show one file the
 * same way. Number and unit are the reader's language's (CLDR through `Intl`): "45.6 kB",
 * "45,6 kB", "45,6 ko".
 */
export function formatBytes(bytes: number, locale: string = activeLocale()): string {
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
  if (unit > 0) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short' }).format(shown);
  }
  // CLDR's short "byte" is a word in some languages ("999 byte"); its kilobyte symbol without the
  // "k" is the one each language pairs with kB ("B", or French "o" beside "ko").
  const kilobyte = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short' });
  return kilobyte
    .formatToParts(shown)
    .map((part) => (part.type === 'unit' ? part.value.replace(/^k/, '') : part.value))
    .join('');
}

function round(value: number, unit: number): number {
  return Number(value.toFixed(unit === 0 || value >= 100 ? 0 : 1));
}
