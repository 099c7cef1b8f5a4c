import { activeLocale } from './i18n';

/** Numbers as the reader writes them (1,234.5 · 1.234,5 · 1 234,5). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(activeLocale(), options).format(value);
}

/** "comments and duets", "Kommentare und Duette": a list joined by the language's own "and". */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(activeLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

/** A clock time as the reader's language writes it ("3:05 PM", "15:05"). */
export function formatClockTime(at: Date | number): string {
  return new Intl.DateTimeFormat(activeLocale(), { hour: '2-digit', minute: '2-digit' }).format(at);
}
