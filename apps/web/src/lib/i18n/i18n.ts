import { setupI18n, type MessageId, type Messages, type Values } from '@lingui/core';
import { useSyncExternalStore } from 'react';
import { messages as english } from 'virtual:i18n-catalog/en';
import { SOURCE_LOCALE, isLocale, pickLocale, type Locale } from './locales';

/** The chosen language lasts as long as the tab, like the sign-in (nothing in localStorage). */
export const LOCALE_STORAGE_KEY = 'content-studio.locale';

// One lazily loaded chunk per language: a visitor downloads English (bundled) and at most the one
// language they read, never the others (docs/decisions/023-languages-with-lingui.md).
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ messages: Messages }>> = {
  de: () => import('virtual:i18n-catalog/de'),
  fr: () => import('virtual:i18n-catalog/fr'),
  es: () => import('virtual:i18n-catalog/es'),
  'pt-BR': () => import('virtual:i18n-catalog/pt-BR'),
};

/**
 * A message nobody wrote. While developing and in tests that is a bug to fail on at once; in a
 * built app the page must go on, so it is a console error (which the browser tests fail on).
 */
function missingMessage(locale: string, id: string): string {
  const problem = `No "${locale}" message "${id}"`;
  if (import.meta.env.DEV) throw new Error(problem);
  console.error(problem);
  return id;
}

export const i18n = setupI18n({ locale: SOURCE_LOCALE, messages: { en: english }, missing: missingMessage });
setDocumentLang(SOURCE_LOCALE);

/** No document in the few tests that run in plain Node. */
function setDocumentLang(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** A message in the active language; ICU arguments (plurals, numbers) come as `values`. */
export function t(id: MessageId, values?: Values): string {
  return i18n._(id, values);
}

export function activeLocale(): Locale {
  return isLocale(i18n.locale) ? i18n.locale : SOURCE_LOCALE;
}

function subscribe(onChange: () => void): () => void {
  return i18n.on('change', onChange);
}

/**
 * For components: the active language, re-rendering when it changes. Components call `t` (or a
 * helper that does) while rendering, so reading the locale here is what keeps their text current.
 */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, activeLocale, activeLocale);
}

/** `t`, in a component that re-renders when the language changes. */
export function useT(): typeof t {
  useLocale();
  return t;
}

const loadedLocales = new Set<Locale>([SOURCE_LOCALE]);

/** Loads the language's catalog (once), switches to it, and sets `<html lang>` to match. */
export async function setLocale(locale: Locale, { remember = true }: { remember?: boolean } = {}): Promise<void> {
  if (!loadedLocales.has(locale)) {
    const { messages } = await loaders[locale as Exclude<Locale, 'en'>]();
    i18n.load(locale, messages);
    loadedLocales.add(locale);
  }
  i18n.activate(locale);
  setDocumentLang(locale);
  if (remember) {
    try {
      sessionStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage refused (some private windows): the choice still holds until the page reloads.
    }
  }
}

/** The language this tab chose before, else the browser's; English when neither is spoken here. */
export function initialLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage refused: fall back to the browser's languages.
  }
  return isLocale(stored) ? stored : pickLocale(navigator.languages ?? [navigator.language]);
}

/** Before the first render, so a German visitor never sees the page flash by in English first. */
export function startI18n(): Promise<void> {
  const locale = initialLocale();
  return locale === SOURCE_LOCALE ? Promise.resolve() : setLocale(locale, { remember: false });
}
