import type { ReactNode } from 'react';
import { Footer } from './footer';
import { Header } from './header';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';
import './layout.css';

export type LayoutProps = {
  children: ReactNode;
  /** True while the next page is loading; shows a thin progress bar. */
  busy?: boolean;
};

export function Layout({ children, busy = false }: LayoutProps) {
  return (
    <div className="layout">
      <SkipLink />
      {busy ? <div className="layout__progress" aria-hidden="true" /> : null}
      <Header />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="layout__main" aria-busy={busy || undefined}>
        {children}
      </main>
      <Footer />
    </div>
  );
}
