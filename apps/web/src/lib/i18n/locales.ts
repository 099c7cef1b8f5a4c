/**
 * The languages the app speaks. English is the source: its catalog is bundled and every other
 * catalog has exactly its keys (catalogs.test.ts). Brazilian Portuguese is the one Portuguese, so
 * any `pt` browser gets it rather than English.
 */
export const LOCALES = ['en', 'de', 'fr', 'es', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: Locale = 'en';

/** Each language in its own words, for the switcher: a reader looks for their language, not ours. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of the browser's languages (most preferred first) that the app speaks, matched on the
 * language alone ("de-AT" → German, "pt-PT" → Brazilian Portuguese); English when none is.
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    const match = LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language);
    if (match) return match;
  }
  return SOURCE_LOCALE;
}
