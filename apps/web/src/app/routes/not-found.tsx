import { useLocation } from 'react-router';
import { ButtonLink } from '@/components/ui/button-link';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import './status-page.css';

export function NotFoundRoute() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');
  return (
    <section className="status-page" aria-labelledby="not-found-title">
      <p className="status-page__code">404</p>
      <h1 id="not-found-title" className="status-page__title">
        Page not found
      </h1>
      <p className="status-page__text">
        There is no page at <code>{pathname}</code>. It may have moved, or the link may be mistyped.
      </p>
      <div className="status-page__actions">
        <ButtonLink to={paths.home.getHref()} variant="primary">
          Go to the home page
        </ButtonLink>
      </div>
    </section>
  );
}
