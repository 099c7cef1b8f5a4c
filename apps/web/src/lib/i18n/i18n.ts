import { setupI18n, type MessageId, type Messages, type Values } from '@lingui/core';
import { useSyncExternalStore } from 'react';
import { messages as englishShell } from 'virtual:i18n-catalog/en_shell';
import { catalogPartOf, type CatalogPart } from './catalog-parts';
import { SOURCE_LOCALE, isLocale, pickLocale, type Locale } from './locales';

/** The chosen language lasts as long as the tab, like the sign-in (nothing in localStorage). */
export const LOCALE_STORAGE_KEY = 'content-studio.locale';

type Loader = () => Promise<{ messages: Messages }>;

// One lazily loaded chunk per language and part: a visitor downloads English's shell (bundled) and
// at most the one language they read, never the others (docs/decisions/023-languages-with-lingui.md).
const loaders: Record<Locale, Record<CatalogPart, Loader>> = {
  en: { shell: () => Promise.resolve({ messages: englishShell }), app: () => import('virtual:i18n-catalog/en_app') },
  de: { shell: () => import('virtual:i18n-catalog/de_shell'), app: () => import('virtual:i18n-catalog/de_app') },
  fr: { shell: () => import('virtual:i18n-catalog/fr_shell'), app: () => import('virtual:i18n-catalog/fr_app') },
  es: { shell: () => import('virtual:i18n-catalog/es_shell'), app: () => import('virtual:i18n-catalog/es_app') },
  'pt-BR': {
    shell: () => import('virtual:i18n-catalog/pt-BR_shell'),
    app: () => import('virtual:i18n-catalog/pt-BR_app'),
  },
};

/**
 * A message nobody wrote, or one whose part of the catalog the page did not wait for. While
 * developing and in tests that is a bug to fail on at once; in a built app the page must go on, so
 * it is a console error (which the browser tests fail on).
 */
function missingMessage(locale: string, id: string): string {
  const part = catalogPartOf(id);
  const unloaded = isLocale(locale) && !loaded.has(partId(locale, part));
  const problem = `No "${locale}" message "${id}"${unloaded ? ` (its "${part}" catalog is not loaded yet)` : ''}`;
  if (import.meta.env.DEV) throw new Error(problem);
  console.error(problem);
  return id;
}

const partId = (locale: Locale, part: CatalogPart) => `${locale}/${part}`;
const loaded = new Set<string>([partId(SOURCE_LOCALE, 'shell')]);
const loading = new Map<string, Promise<void>>();
/** The parts some code on the page has asked for: a switch of language loads them all first. */
const wanted = new Set<CatalogPart>(['shell']);

export const i18n = setupI18n({ locale: SOURCE_LOCALE, messages: { en: englishShell }, missing: missingMessage });
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

function loadPart(locale: Locale, part: CatalogPart): Promise<void> {
  const id = partId(locale, part);
  if (loaded.has(id)) return Promise.resolve();
  let pending = loading.get(id);
  if (!pending) {
    pending = loaders[locale][part]().then(
      ({ messages }) => {
        i18n.load(locale, messages);
        loaded.add(id);
        loading.delete(id);
      },
      (error: unknown) => {
        // Forgotten, so that the next attempt asks the network again.
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

async function loadWanted(locale: Locale): Promise<void> {
  // A part asked for while this one loads is loaded too before the language is switched to.
  while ([...wanted].some((part) => !loaded.has(partId(locale, part)))) {
    await Promise.all([...wanted].map((part) => loadPart(locale, part)));
  }
}

/**
 * Makes sure a part of the catalog is there for the active language (and for any language switched
 * to from now on). Every lazily loaded page waits for the `app` part before it is shown.
 */
export async function loadCatalogPart(part: CatalogPart): Promise<void> {
  wanted.add(part);
  // The language may change meanwhile; a switch loads every wanted part before it activates.
  await loadPart(activeLocale(), part);
}

/** Loads the language's catalog (once), switches to it, and sets `<html lang>` to match. */
export async function setLocale(locale: Locale, { remember = true }: { remember?: boolean } = {}): Promise<void> {
  await loadWanted(locale);
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
