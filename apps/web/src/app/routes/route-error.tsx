import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { Layout } from '@/components/ui/layout';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import './status-page.css';

/**
 * Last line of defence for a page that failed to render or load, most often a code chunk that
 * disappeared because a new version was deployed while the tab was open: reloading fixes that.
 */
export function RouteError() {
  useDocumentTitle('Something went wrong');
  return (
    <Layout>
      <section className="status-page" aria-labelledby="route-error-title">
        <p className="status-page__code">Error</p>
        <h1 id="route-error-title" className="status-page__title">
          Something went wrong
        </h1>
        <p className="status-page__text">
          This page could not be shown. Reloading usually helps, for example after Content Studio Pro was updated while
          this tab was open.
        </p>
        <div className="status-page__actions">
          <Button onClick={() => window.location.reload()}>Reload the page</Button>
          <ButtonLink to={paths.home.getHref()}>Go to the home page</ButtonLink>
        </div>
      </section>
    </Layout>
  );
}
