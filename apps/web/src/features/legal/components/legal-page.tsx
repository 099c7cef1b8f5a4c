import { Suspense, use, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Spinner } from '@/components/ui/spinner';
import { RichText, SOURCE_LOCALE, activeLocale, useLocale, useT, type Locale } from '@/lib/i18n';
import type { LegalText } from '../legal-text';
import { LegalDocument } from './legal-document';

type Translated = Exclude<Locale, 'en'>;
export type TranslationLoaders = Record<Translated, () => Promise<{ text: LegalText }>>;

/** `?lang=en` shows the English original on a page in another language, and can be linked to. */
const ORIGINAL_PARAM = 'lang';

type Loader = TranslationLoaders[Translated];

const requests = new Map<Loader, Promise<{ text: LegalText }>>();
/** Translations already here render at once, without suspending (after a preload, or a first visit). */
const loaded = new Map<Loader, LegalText>();

function load(loader: Loader): Promise<{ text: LegalText }> {
  let promise = requests.get(loader);
  if (!promise) {
    promise = loader().then(
      (module) => {
        loaded.set(loader, module.text);
        return module;
      },
      (error: unknown) => {
        // Forgotten, so the next visit asks the network again.
        requests.delete(loader);
        throw error;
      },
    );
    requests.set(loader, promise);
  }
  return promise;
}

/** Starts loading the active language's translation; resolves at once in English. */
export async function preloadTranslation(translations: TranslationLoaders): Promise<void> {
  const locale = activeLocale();
  if (locale !== 'en') await load(translations[locale]);
}

export type LegalPageProps = { english: LegalText; translations: TranslationLoaders };

/**
 * A legal page in the reader's language. The English text is the authoritative one: a translation
 * says so at its top and links to the English, which then shows (marked as English) with a way
 * back (docs/decisions/024-translated-screens-and-policies.md).
 */
export function LegalPage({ english, translations }: LegalPageProps) {
  const locale = useLocale();
  const [search] = useSearchParams();
  if (locale === 'en') return <LegalDocument text={english} />;
  const original = search.get(ORIGINAL_PARAM) === SOURCE_LOCALE;
  const notice = <TranslationNotice locale={locale} original={original} />;
  if (original) return <LegalDocument text={english} lang={SOURCE_LOCALE} notice={notice} />;
  const translation = loaded.get(translations[locale]);
  if (translation) return <LegalDocument text={translation} notice={notice} />;
  return (
    <Suspense fallback={<LoadingTranslation />}>
      <TranslatedDocument pending={load(translations[locale])} notice={notice} />
    </Suspense>
  );
}

function TranslatedDocument({ pending, notice }: { pending: Promise<{ text: LegalText }>; notice: ReactNode }) {
  return <LegalDocument text={use(pending).text} notice={notice} />;
}

function TranslationNotice({ locale, original }: { locale: Translated; original: boolean }) {
  const link = original ? (
    <Link to={{ search: '' }} />
  ) : (
    <Link to={{ search: `?${ORIGINAL_PARAM}=${SOURCE_LOCALE}` }} />
  );
  return (
    // In the reader's language even above the English original, which is marked as English.
    <p className="legal__translation-notice" role="note" lang={locale}>
      <RichText id={original ? 'legal.originalNotice' : 'legal.translationNotice'} components={{ 0: link }} />
    </p>
  );
}

function LoadingTranslation() {
  const t = useT();
  return (
    <output className="legal__loading">
      <Spinner />
      <span>{t('legal.loading')}</span>
    </output>
  );
}
