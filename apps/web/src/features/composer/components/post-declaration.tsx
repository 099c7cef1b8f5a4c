import { useId, type ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { BRANDED_CONTENT_POLICY_URL, MUSIC_USAGE_URL } from '../composer-schema';
import './post-declaration.css';

export type PostDeclarationProps = {
  /** "Branded content" is ticked: the Branded Content Policy joins the declaration (TikTok's Content Sharing Guidelines). */
  brandedContent: boolean;
  id?: string;
};

/**
 * TikTok's consent declaration, word for word, directly above the Post button (TikTok's Content Sharing Guidelines).
 * Always shown for a Direct Post, not only for commercial content. TikTok's pages open in a new
 * tab, so the composed post is not lost, and learn nothing about this page (noopener noreferrer).
 * "Opens in a new tab" is the links' description rather than extra text, so the sentence stays
 * exactly TikTok's. The sentence stays English in every language (TikTok publishes no translation
 * of it), marked as English for screen readers; docs/decisions/023-languages-with-lingui.md.
 */
export function PostDeclaration({ brandedContent, id }: PostDeclarationProps) {
  const t = useT();
  const newTabId = useId();
  const link = (href: string, children: ReactNode) => (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-describedby={newTabId}>
      {children}
    </a>
  );
  return (
    <>
      <p id={id} className="post-declaration" lang="en">
        {brandedContent ? (
          <>
            By posting, you agree to TikTok's {link(BRANDED_CONTENT_POLICY_URL, 'Branded Content Policy')} and{' '}
            {link(MUSIC_USAGE_URL, 'Music Usage Confirmation')}.
          </>
        ) : (
          <>By posting, you agree to TikTok's {link(MUSIC_USAGE_URL, 'Music Usage Confirmation')}.</>
        )}
      </p>
      <span id={newTabId} hidden>
        {t('composer.opensInNewTab')}
      </span>
    </>
  );
}
