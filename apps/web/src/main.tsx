// zod must be jitless before any module builds a schema: the production CSP forbids eval (see the file).
// oxlint-disable-next-line import/no-unassigned-import -- imported first, for that side effect
import './lib/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerAccessTokenSource } from './app/access-tokens';
import { AppRouter } from './app/router';
import { startI18n } from './lib/i18n';
import './styles/tokens.css';
import './styles/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

registerAccessTokenSource();
// A catalog that fails to arrive leaves the page in English rather than blank.
void startI18n()
  .catch(() => undefined)
  .then(() =>
    createRoot(container).render(
      <StrictMode>
        <AppRouter />
      </StrictMode>,
    ),
  );
