import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { policyFacts, scopePurposes } from '../policy-facts';
import { ContactEmailLink } from './contact-email-link';
import type { LegalSection, LegalText } from '../legal-text';
import { LegalPage, preloadTranslation, type TranslationLoaders } from './legal-page';
import { ScopeList } from './scope-list';
import { TikTokDisconnectSteps } from './tiktok-disconnect-steps';

const { productName, host, minimumAge, minimumAgeWhereRequired } = policyFacts;

const sections: LegalSection[] = [
  {
    id: 'what-we-process',
    title: 'What we process',
    body: (
      <>
        <p>{productName} handles only what it needs to put your video on TikTok:</p>
        <ul>
          <li>
            <strong>Your TikTok access token.</strong> TikTok issues it after you approve {productName} on TikTok's own
            consent page (OAuth 2.0). The token that renews it reaches your browser only in encrypted form, sealed by
            our server, so it is useless anywhere else.
          </li>
          <li>
            <strong>Your basic TikTok profile</strong>: display name, avatar, open id and union id, from the{' '}
            <code>user.info.basic</code> permission. We show them so you can check that the right account is connected,
            and use them for nothing else.
          </li>
          <li>
            <strong>The video you choose to post.</strong> Its bytes pass through our server on their way to TikTok's
            Content Posting API. They are streamed, never written to disk, and nothing of the video is kept once the
            upload is over.
          </li>
          <li>
            <strong>Your post settings</strong>: the caption, who can view the post (privacy level), whether others may
            comment, duet or stitch (interaction settings), and whether the post promotes your own brand or a third
            party (commercial-content disclosure). They are forwarded to TikTok exactly as you chose them.
          </li>
        </ul>
        <p>
          We do not ask for your email address, phone number, contacts or any other TikTok data, and {productName} sets
          no cookies.
        </p>
      </>
    ),
  },
  {
    id: 'why',
    title: 'Why we use it',
    body: (
      <>
        <p>Only to:</p>
        <ul>
          <li>sign you in with TikTok through OAuth 2.0;</li>
          <li>show your connected profile so you can confirm the right account is linked;</li>
          <li>
            send your video, caption, privacy choice, interaction settings and disclosure to TikTok, either to publish
            it directly (<code>video.publish</code>) or to place it in your TikTok inbox as a draft (
            <code>video.upload</code>).
          </li>
        </ul>
        <p>
          We never use your data for advertising, profiling, training AI models, or anything unrelated to publishing the
          content you submit. We do not sell, rent or trade it.
        </p>
      </>
    ),
  },
  {
    id: 'permissions',
    title: 'The TikTok permissions we ask for',
    body: (
      <>
        <p>
          When you connect, TikTok asks you to approve exactly these three permissions (scopes), and {productName}{' '}
          requests nothing more:
        </p>
        <ScopeList purposes={scopePurposes} />
      </>
    ),
  },
  {
    id: 'sharing',
    title: 'Who we share it with',
    body: (
      <>
        <p>Your information goes to these parties only:</p>
        <ul>
          <li>
            <strong>TikTok</strong>, to carry out the actions you start: reading your basic profile, publishing a video
            or saving a draft.
          </li>
          <li>
            <strong>{host.name}</strong>, our hosting provider, which runs the {productName} server in {host.region}.
            Like any host, it carries the network traffic needed to deliver the service.
          </li>
          <li>
            <strong>Authorities, when the law requires it</strong>: to comply with a legal obligation or court order, or
            to protect the rights and safety of {productName} and its users.
          </li>
        </ul>
        <p>
          There is no analytics, no advertising and no tracking of any kind. The app loads no third-party scripts, fonts
          or content delivery networks: apart from TikTok's own pages and your profile picture, your browser talks only
          to {productName}.
        </p>
      </>
    ),
  },
  {
    id: 'retention',
    title: 'Where it is kept, and for how long',
    body: (
      <ul>
        <li>
          Your access token is kept for your active session only, in your browser's <code>sessionStorage</code> for this
          tab. It is not put in local storage, cookies or any other browser database, and never stored on our servers.
          It is discarded when you close the tab; each tab holds its own session.
        </li>
        <li>
          Videos are streamed to TikTok and never written to disk on our servers. Nothing of a video is kept after the
          upload.
        </li>
        <li>Captions and post settings are forwarded to TikTok with the video and not stored by us.</li>
        <li>Once TikTok has your post, TikTok's own privacy policy applies to it.</li>
      </ul>
    ),
  },
  {
    id: 'disconnect',
    title: 'Disconnecting Content Studio Pro',
    body: (
      <>
        <p>
          <strong>In {productName}:</strong> choose <em>Disconnect</em> in the studio. We ask TikTok to revoke the
          access token and clear the session from your tab. Closing the tab also discards the token.
        </p>
        <p>
          <strong>In TikTok:</strong> {productName} acts as a thin client between you and TikTok, so the most reliable
          way to withdraw its access is to remove it from the apps you have authorised. In the TikTok mobile app, go to:
        </p>
        <TikTokDisconnectSteps english />
      </>
    ),
  },
  {
    id: 'rights',
    title: 'Your rights',
    body: (
      <>
        <p>
          Under applicable data protection law you have the right to access, correct or request the deletion of your
          personal data, and to object to its processing. Write to <ContactEmailLink /> and we will answer. Because we
          keep nothing after your session, there is usually nothing held about you on our side; TikTok holds your
          account data.
        </p>
        <p>You may also complain to the data protection authority where you live.</p>
      </>
    ),
  },
  {
    id: 'security',
    title: 'Security',
    body: (
      <ul>
        <li>All traffic uses HTTPS, and browsers are told to insist on it (HSTS).</li>
        <li>
          The TikTok client secret exists only as an environment variable of our server. It is never sent to your
          browser.
        </li>
        <li>Our server refuses to start if any of its secrets is missing.</li>
      </ul>
    ),
  },
  {
    id: 'children',
    title: 'Children',
    body: (
      <p>
        {productName} is not meant for anyone under {minimumAge}, or under {minimumAgeWhereRequired} where the law of
        your country sets that age. We do not knowingly collect personal information from children; if you believe a
        child has used the service, contact us.
      </p>
    ),
  },
  {
    id: 'changes',
    title: 'Changes to this policy',
    body: (
      <p>
        We may update this policy. The "Last updated" date at the top always shows when it last changed, and we announce
        material changes on this website.
      </p>
    ),
  },
  {
    id: 'contact',
    title: 'Contact',
    body: (
      <p>
        Questions about this policy or about how {productName} handles your data: <ContactEmailLink />. See also our{' '}
        <Link to={paths.terms.getHref()}>Terms of Service</Link>.
      </p>
    ),
  },
];

const summary = [
  <>
    We ask TikTok for three permissions and nothing else: <code>user.info.basic</code>, <code>video.publish</code> and{' '}
    <code>video.upload</code>.
  </>,
  <>Your sign-in lives in this tab's session storage and is gone when you close the tab.</>,
  <>Videos are streamed to TikTok, never written to disk, and not kept after the upload.</>,
  <>No ads, profiling or AI training. No analytics, third-party scripts, fonts or CDNs.</>,
];

/** The authoritative text (docs/decisions/024-translated-screens-and-policies.md): translations follow it. */
export const privacyPolicyEnglish: LegalText = {
  title: 'Privacy Policy',
  updated: policyFacts.lastUpdated,
  intro: (
    <p>
      This policy explains what {productName} (“we”, “us”), the web app at {policyFacts.siteHost}, does with your
      information when you use it to publish to TikTok.
    </p>
  ),
  summary,
  sections,
  labels: { lastUpdated: 'Last updated:', inShort: 'In short', onThisPage: 'On this page' },
};

// Each translation is its own chunk: a reader downloads only the language they read.
const translations: TranslationLoaders = {
  de: () => import('../translations/privacy-policy.de'),
  fr: () => import('../translations/privacy-policy.fr'),
  es: () => import('../translations/privacy-policy.es'),
  'pt-BR': () => import('../translations/privacy-policy.pt-BR'),
};

/** The English original, or the reader's translation of it with a notice that the English decides. */
export function PrivacyPolicy() {
  return <LegalPage english={privacyPolicyEnglish} translations={translations} />;
}

/** Loads the active language's translation before the page is first shown, so it does not flash in. */
export const preloadPrivacyPolicy = () => preloadTranslation(translations);
