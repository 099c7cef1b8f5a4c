import { useId, type ReactNode } from 'react';
import type { SignedOutReason } from '../signed-out-state';
import './signed-out-notice.css';

export type SignedOutNoticeProps = {
  reason: SignedOutReason;
  /** TikTok's own "remove this app" steps; the route passes the legal feature's list. */
  manageAppsSteps: ReactNode;
};

/** Says why the creator is on the home page instead of in the studio, and what to do next. */
export function SignedOutNotice({ reason, manageAppsSteps }: SignedOutNoticeProps) {
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
        title: 'Your TikTok session ended',
        body: (
          <p>
            TikTok no longer accepts this sign-in: it expired, or access was removed in the TikTok app. Connect again to
            carry on.
          </p>
        ),
      };
    case 'lifetime-ended':
      return {
        tone: 'info',
        title: 'Time to connect TikTok again',
        body: (
          <p>
            TikTok lets an app keep a sign-in going only for a limited time, and yours has reached it. Nothing is wrong
            with your account: connect again to carry on.
          </p>
        ),
      };
    case 'required':
      return {
        tone: 'info',
        title: 'Connect TikTok to open your studio',
        body: (
          <p>
            The studio needs a TikTok account connected in this tab. A sign-in lasts only as long as its tab, so a new
            tab or window starts signed out.
          </p>
        ),
      };
    case 'disconnected':
      return reason.revoked
        ? {
            tone: 'info',
            title: "You're disconnected",
            body: (
              <>
                <p>
                  TikTok has withdrawn Content Studio Pro's access, and this tab no longer holds your sign-in. To check
                  that the app is gone from your TikTok account as well, open the TikTok app, go to your profile, tap
                  the menu and then:
                </p>
                {steps}
              </>
            ),
          }
        : {
            tone: 'warning',
            title: "You're disconnected in this tab, but TikTok didn't confirm it",
            body: (
              <>
                <p>
                  This tab no longer holds your sign-in, but we could not reach TikTok to withdraw Content Studio Pro's
                  access, so it may still be listed in your account. To remove it yourself, open the TikTok app, go to
                  your profile, tap the menu and then:
                </p>
                {steps}
              </>
            ),
          };
  }
}
