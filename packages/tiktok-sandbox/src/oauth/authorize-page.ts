import { avatarSvg, type SandboxAccount } from '../accounts';
import { escapeHtml } from '../http-io';
import { ALWAYS_GRANTED, SCOPE_DESCRIPTIONS, type Scope } from './scopes';

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; padding: 2rem 1rem; background: Canvas; color: CanvasText; }
  main { max-width: 32rem; margin: 0 auto; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  .note { font-size: .9rem; opacity: .8; }
  fieldset { border: 1px solid GrayText; border-radius: .5rem; margin: 1rem 0; padding: .75rem 1rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  .option { display: flex; align-items: center; gap: .6rem; padding: .35rem 0; }
  .option img { border-radius: 50%; }
  .traits { display: block; font-size: .85rem; opacity: .8; }
  .actions { display: flex; gap: .75rem; margin-top: 1rem; }
  button { font: inherit; padding: .6rem 1.4rem; border-radius: .4rem; border: 1px solid GrayText; cursor: pointer; }
  button[value="authorize"] { background: #FE2C55; color: #fff; border-color: #FE2C55; font-weight: 600; }
  :focus-visible { outline: 3px solid #25F4EE; outline-offset: 2px; }
`;

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;
}

function traits(a: SandboxAccount, postsCap: number): string {
  const t = [a.isPrivate ? 'private account' : 'public account'];
  if (a.commentDisabled) t.push('comments off');
  if (a.banned) t.push('banned from posting');
  if (a.postsLast24h >= postsCap) t.push('daily post cap reached');
  if (a.sandboxTargetUser === false) t.push('not a sandbox target user');
  t.push(`videos up to ${a.maxVideoPostDurationSec} s`);
  return t.join(' · ');
}

export interface ConsentPageInput {
  appName: string;
  accounts: SandboxAccount[];
  preselectedOpenId: string | undefined;
  requestedScopes: Scope[];
  hidden: Record<string, string>;
  postsCap: number;
}

/**
 * Plain HTML that works without JavaScript: browser tests and people without JS both submit the
 * same form, and the Authorize/Cancel buttons have exactly those accessible names.
 */
export function consentPage(input: ConsentPageInput): string {
  const hidden = Object.entries(input.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const accounts = input.accounts
    .map((a, i) => {
      const id = `account-${i}`;
      const checked = a.openId === input.preselectedOpenId ? ' checked' : '';
      return `<div class="option">
<input type="radio" id="${id}" name="open_id" value="${escapeHtml(a.openId)}" required${checked}>
<span class="avatar" aria-hidden="true">${avatarSvg(a, 40, { decorative: true })}</span>
<label for="${id}">${escapeHtml(a.displayName)} (@${escapeHtml(a.username)})<span class="traits">${escapeHtml(traits(a, input.postsCap))}</span></label>
</div>`;
    })
    .join('\n');
  const scopes = input.requestedScopes
    .map((s, i) => {
      const id = `scope-${i}`;
      const text = `${SCOPE_DESCRIPTIONS[s]} (${s})`;
      if (s === ALWAYS_GRANTED) {
        // A disabled box is not submitted; user.info.basic is granted server-side regardless.
        return `<div class="option"><input type="checkbox" id="${id}" checked disabled><label for="${id}">${escapeHtml(text)}. Always granted.</label></div>`;
      }
      return `<div class="option"><input type="checkbox" id="${id}" name="granted_scope" value="${escapeHtml(s)}" checked><label for="${id}">${escapeHtml(text)}</label></div>`;
    })
    .join('\n');
  return page(
    `Authorize ${input.appName} · TikTok sandbox`,
    `<h1>${escapeHtml(input.appName)} wants to access your TikTok account</h1>
<p class="note">This is the local TikTok sandbox: no real account is used and nothing leaves this machine.</p>
<form method="post" action="/v2/auth/authorize/">
${hidden}
<fieldset>
<legend>Choose a test account</legend>
${accounts}
</fieldset>
<fieldset>
<legend>Permissions</legend>
<p class="note">Untick anything you do not want to grant.</p>
${scopes}
</fieldset>
<div class="actions">
<button type="submit" name="action" value="authorize">Authorize</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</div>
</form>`,
  );
}

/** Shown instead of redirecting when the client or redirect URI cannot be trusted. */
export function errorPage(error: string, errorType: string, description: string): string {
  return page(
    'Authorization error · TikTok sandbox',
    `<h1>Something went wrong</h1>
<p>This app can't sign you in right now.</p>
<dl>
<dt>error</dt><dd><code>${escapeHtml(error)}</code></dd>
<dt>error_type</dt><dd><code>${escapeHtml(errorType)}</code></dd>
<dt>error_description</dt><dd>${escapeHtml(description)}</dd>
</dl>`,
  );
}
