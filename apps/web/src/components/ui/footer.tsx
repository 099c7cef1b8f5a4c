import { Link } from 'react-router';
import { paths } from '@/config/paths';
import './footer.css';

export function Footer() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <nav aria-label="Legal" className="site-footer__nav">
          <ul>
            <li>
              <Link to={paths.privacy.getHref()}>Privacy Policy</Link>
            </li>
            <li>
              <Link to={paths.terms.getHref()}>Terms of Service</Link>
            </li>
          </ul>
        </nav>
        <p className="site-footer__note">
          Content Studio Pro is an independent tool and is not affiliated with or endorsed by TikTok.
        </p>
      </div>
    </footer>
  );
}
