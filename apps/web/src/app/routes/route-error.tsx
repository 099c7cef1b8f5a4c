import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { Layout } from '@/components/ui/layout';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useT } from '@/lib/i18n';
import './status-page.css';

/**
 * Last line of defence for a page that failed to render or load, most often a code chunk that
 * disappeared because a new version was deployed while the tab was open: reloading fixes that.
 */
export function RouteError() {
  const t = useT();
  useDocumentTitle(t('routeError.title'));
  return (
    <Layout>
      <section className="status-page" aria-labelledby="route-error-title">
        <p className="status-page__code">{t('routeError.code')}</p>
        <h1 id="route-error-title" className="status-page__title">
          {t('routeError.title')}
        </h1>
        <p className="status-page__text">{t('routeError.text')}</p>
        <div className="status-page__actions">
          <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
          <ButtonLink to={paths.home.getHref()}>{t('status.home')}</ButtonLink>
        </div>
      </section>
    </Layout>
  );
}
