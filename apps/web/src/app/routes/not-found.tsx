import { useLocation } from 'react-router';
import { ButtonLink } from '@/components/ui/button-link';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RichText, useT } from '@/lib/i18n';
import './status-page.css';

export function NotFoundRoute() {
  const { pathname } = useLocation();
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="status-page" aria-labelledby="not-found-title">
      <p className="status-page__code">404</p>
      <h1 id="not-found-title" className="status-page__title">
        {t('notFound.title')}
      </h1>
      <p className="status-page__text">
        <RichText id="notFound.text" values={{ path: pathname }} components={{ 0: <code /> }} />
      </p>
      <div className="status-page__actions">
        <ButtonLink to={paths.home.getHref()} variant="primary">
          {t('status.home')}
        </ButtonLink>
      </div>
    </section>
  );
}
