import { Link, NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { Logo } from './logo';
import './header.css';

export function Header() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={paths.home.getHref()} className="site-header__brand" aria-label="Content Studio Pro, home">
          <Logo />
        </Link>
        <nav aria-label="Main" className="site-header__nav">
          <NavLink to={paths.studio.getHref()} className="site-header__link">
            Studio
          </NavLink>
        </nav>
      </div>
    </header>
  );
}
