import { useId, type ReactNode } from 'react';
import { t, useT } from '@/lib/i18n';
import type { SignedOutReason } from '../signed-out-state';
import './signed-out-notice.css';

export type SignedOutNoticeProps = {
  reason: SignedOutReason;
  /** TikTok's own "remove this app" steps; the route passes the legal feature's list. */
  manageAppsSteps: ReactNode;
};

/** Says why the creator is on the home page instead of in the studio, and what to do next. */
export function SignedOutNotice({ reason, manageAppsSteps }: SignedOutNoticeProps) {
  useT();
  const titleId = useId();
  const content = describe(reason, manageAppsSteps);
  // First thing in main, where focus lands after the redirect, so it is read before the page.
  return (
    <section className="signed-out-notice" aria-labelledby={titleId} data-tone={content.tone}>
      <p id={titleId} className="signed-out-notice__title">
        {content.title}
      </p>
      {content.body}
    </section>
  );
}

function describe(
  reason: SignedOutReason,
  steps: ReactNode,
): { title: string; body: ReactNode; tone: 'info' | 'warning' } {
  switch (reason.reason) {
    case 'expired':
      return {
        tone: 'warning',
        title: t('signedOut.expired.title'),
        body: <p>{t('signedOut.expired.text')}</p>,
      };
    case 'lifetime-ended':
      return {
        tone: 'info',
        title: t('signedOut.lifetime.title'),
        body: <p>{t('signedOut.lifetime.text')}</p>,
      };
    case 'required':
      return {
        tone: 'info',
        title: t('signedOut.required.title'),
        body: <p>{t('signedOut.required.text')}</p>,
      };
    case 'disconnected':
      return reason.revoked
        ? {
            tone: 'info',
            title: t('signedOut.revoked.title'),
            body: (
              <>
                <p>{t('signedOut.revoked.text')}</p>
                {steps}
              </>
            ),
          }
        : {
            tone: 'warning',
            title: t('signedOut.unconfirmed.title'),
            body: (
              <>
                <p>{t('signedOut.unconfirmed.text')}</p>
                {steps}
              </>
            ),
          };
  }
}
