import { useId, useState } from 'react';
import { LOCALES, LOCALE_NAMES, isLocale, setLocale, useLocale, useT } from '@/lib/i18n';
import './language-switcher.css';

/**
 * The page's language, from the browser's at first; a choice here holds for this tab. A plain
 * select: native on every phone, and each option is written in (and marked as) its own language.
 */
export function LanguageSwitcher() {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const errorId = useId();
  const [failed, setFailed] = useState(false);
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="language-switcher__label">
        {t('shell.language')}
      </label>
      <select
        id={id}
        className="language-switcher__select"
        value={locale}
        aria-describedby={failed ? errorId : undefined}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          setFailed(false);
          setLocale(next).catch(() => setFailed(true));
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
      {failed ? (
        <p id={errorId} role="alert" className="language-switcher__error">
          {t('shell.languageFailed')}
        </p>
      ) : null}
    </div>
  );
}
