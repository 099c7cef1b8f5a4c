// zod must be jitless before any module builds a schema: the production CSP forbids eval (see the file).
// oxlint-disable-next-line import/no-unassigned-import -- imported first, for that side effect
import './lib/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerAccessTokenSource } from './app/access-tokens';
import { AppRouter } from './app/router';
import './styles/tokens.css';
import './styles/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

registerAccessTokenSource();
createRoot(container).render(
  <StrictMode>
    <AppRouter />
  </StrictMode>,
);
