import { useId } from 'react';
import './composer-notices.css';

/**
 * A draft goes to the creator's TikTok inbox with the video only: TikTok ignores every post setting
 * for drafts (TikTok's Upload reference), and the creator must open TikTok's inbox notification to finish the
 * post (docs/requirements/tiktok-rules.md#inbox-notice). Said before sending, so nobody writes a caption that will not arrive.
 */
export function DraftNotice() {
  const titleId = useId();
  return (
    <section className="composer-notice" aria-labelledby={titleId}>
      <h3 id={titleId} className="composer-notice__title">
        You'll finish this post in the TikTok app
      </h3>
      <p>
        Only the video is sent. For drafts, TikTok ignores the caption, who can see it, comments, duets and stitches,
        the commercial content disclosure, the AI-generated label and the cover: you choose them in the TikTok app.
      </p>
      <ol className="composer-notice__list composer-notice__list--steps">
        <li>Send the video to your TikTok inbox here.</li>
        <li>Open the TikTok app and tap the inbox notification about your new draft.</li>
        <li>Edit it, choose your settings and post it from there.</li>
      </ol>
    </section>
  );
}
