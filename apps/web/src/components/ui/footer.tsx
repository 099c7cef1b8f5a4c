import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';
import { LanguageSwitcher } from './language-switcher';
import './footer.css';

export function Footer() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <nav aria-label={t('shell.legalNav')} className="site-footer__nav">
          <ul>
            <li>
              <Link to={paths.privacy.getHref()}>{t('shell.privacyLink')}</Link>
            </li>
            <li>
              <Link to={paths.terms.getHref()}>{t('shell.termsLink')}</Link>
            </li>
          </ul>
        </nav>
        <LanguageSwitcher />
        <p className="site-footer__note">{t('shell.independence')}</p>
      </div>
    </footer>
  );
}
