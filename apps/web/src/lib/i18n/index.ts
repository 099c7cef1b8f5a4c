export {
  activeLocale,
  i18n,
  initialLocale,
  loadCatalogPart,
  setLocale,
  startI18n,
  t,
  useLocale,
  useT,
  LOCALE_STORAGE_KEY,
} from './i18n';
export { formatClockTime, formatList, formatNumber } from './format';
export { LOCALES, LOCALE_NAMES, SOURCE_LOCALE, isLocale, pickLocale, type Locale } from './locales';
export { RichText } from './rich-text';
export type { CatalogPart } from './catalog-parts';
