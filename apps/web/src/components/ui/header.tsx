import { Link, NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';
import { Logo } from './logo';
import './header.css';

export function Header() {
  const t = useT();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={paths.home.getHref()} className="site-header__brand" aria-label={t('shell.homeLink')}>
          <Logo />
        </Link>
        <nav aria-label={t('shell.mainNav')} className="site-header__nav">
          <NavLink to={paths.studio.getHref()} className="site-header__link">
            {t('shell.studioLink')}
          </NavLink>
        </nav>
      </div>
    </header>
  );
}
