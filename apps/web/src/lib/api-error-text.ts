import type { ApiError } from './api-error';
import { SOURCE_LOCALE, activeLocale, t } from './i18n';

/**
 * What a creator reads about a failed call. The proxy words its errors in English, more precisely
 * than one sentence per code could; a creator reading English gets those words, anyone else the
 * translated meaning of the error's code, which is stable (docs/decisions/023-languages-with-lingui.md).
 * Messages the SPA made itself are already in the creator's language.
 */
export function creatorMessage(error: ApiError): string {
  if (!error.fromServer || activeLocale() === SOURCE_LOCALE) return error.message;
  return t(`apiError.${error.code}`);
}
