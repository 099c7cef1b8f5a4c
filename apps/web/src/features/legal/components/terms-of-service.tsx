import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { policyFacts } from '../policy-facts';
import { ContactEmailLink } from './contact-email-link';
import type { LegalSection, LegalText } from '../legal-text';
import { LegalPage, preloadTranslation, type TranslationLoaders } from './legal-page';
import { TikTokDisconnectSteps } from './tiktok-disconnect-steps';

const { productName, minimumAge, minimumAgeWhereRequired } = policyFacts;

const sections: LegalSection[] = [
  {
    id: 'agreement',
    title: 'Agreeing to these terms',
    body: (
      <p>
        By connecting a TikTok account to {productName} or otherwise using it, you accept these terms. If you do not
        accept them, please do not use the service.
      </p>
    ),
  },
  {
    id: 'service',
    title: 'What the service does',
    body: (
      <>
        <p>
          {productName} is a tool for sending your own videos to TikTok. After you connect your TikTok account, it
          forwards the video, caption and post settings you choose to TikTok, either to publish the post directly or to
          place it in your TikTok inbox as a draft, and then shows you what TikTok reports about it.
        </p>
        <p>
          {productName} acts only on your instruction: nothing is sent to TikTok until you ask for it. It is an
          independent tool, not affiliated with or endorsed by TikTok.
        </p>
      </>
    ),
  },
  {
    id: 'eligibility',
    title: 'Your TikTok account',
    body: (
      <ul>
        <li>
          You need your own TikTok account, and you must be allowed to use TikTok. The service is not for anyone under{' '}
          {minimumAge}, or under {minimumAgeWhereRequired} where the law of your country sets that age.
        </li>
        <li>
          You remain bound by TikTok's Terms of Service and Community Guidelines for everything you post through{' '}
          {productName}.
        </li>
        <li>
          You are responsible for the device and browser you connect from. Your sign-in lasts only as long as the
          browser tab.
        </li>
      </ul>
    ),
  },
  {
    id: 'content',
    title: 'Your content',
    body: (
      <>
        <ul>
          <li>
            Post only your own original content, or content you have every right to publish. You keep all rights in it;
            you allow us only to transmit it to TikTok on your behalf.
          </li>
          <li>
            {productName} adds no watermarks, logos or promotional branding to your videos. What you send is what TikTok
            receives.
          </li>
          <li>
            You are responsible for your captions and for the commercial-content disclosure you choose. When you post,
            TikTok's Music Usage Confirmation applies, and TikTok's Branded Content Policy applies to branded content.
          </li>
          <li>TikTok decides whether and when a post appears, and may take a few minutes to process it.</li>
        </ul>
      </>
    ),
  },
  {
    id: 'acceptable-use',
    title: 'Acceptable use',
    body: (
      <>
        <p>Do not use {productName} to:</p>
        <ul>
          <li>post anything unlawful, or anything TikTok's rules do not allow;</li>
          <li>post content that infringes someone else's copyright, trademark, privacy or other rights;</li>
          <li>send spam, or automate posting at a volume or pace TikTok does not permit;</li>
          <li>connect or post to an account that is not yours to use;</li>
          <li>
            probe, overload or get around the security or limits of {productName} or of TikTok, or interfere with other
            people's use of either.
          </li>
        </ul>
      </>
    ),
  },
  {
    id: 'privacy',
    title: 'Privacy',
    body: (
      <p>
        How we handle your information, and the TikTok permissions we ask for, are described in the{' '}
        <Link to={paths.privacy.getHref()}>Privacy Policy</Link>, which is part of these terms.
      </p>
    ),
  },
  {
    id: 'availability',
    title: 'Availability and changes to the service',
    body: (
      <p>
        We work to keep {productName} running well, but it may sometimes be unavailable, for example during maintenance
        or when TikTok's services are down or change. We may change, limit or discontinue features, including when
        TikTok changes what its API allows.
      </p>
    ),
  },
  {
    id: 'warranty',
    title: 'No warranty, and limits of liability',
    body: (
      <>
        <p>
          {productName} is provided “as is” and “as available”, without warranties of any kind, to the extent the law
          allows. We do not promise that every upload succeeds or that TikTok accepts every post.
        </p>
        <p>
          To the extent the law allows, we are not liable for indirect or consequential loss, or for the actions of
          TikTok. Nothing in these terms limits liability that cannot be limited by law, or takes away rights you have
          as a consumer where you live.
        </p>
      </>
    ),
  },
  {
    id: 'ending',
    title: 'Disconnecting and ending use',
    body: (
      <>
        <p>
          You can stop at any time: choose <em>Disconnect</em> in the studio, or close the tab, which discards your
          sign-in. To withdraw {productName}'s access in TikTok as well, in the TikTok mobile app go to:
        </p>
        <TikTokDisconnectSteps english />
        <p>
          We may suspend or end access to {productName} for anyone who breaks these terms or TikTok's rules, or to
          protect the service and its users.
        </p>
      </>
    ),
  },
  {
    id: 'changes',
    title: 'Changes to these terms',
    body: (
      <p>
        We may update these terms. The "Last updated" date at the top shows when they last changed, and we announce
        material changes on this website. Using the service after a change means you accept the updated terms.
      </p>
    ),
  },
  {
    id: 'contact',
    title: 'Contact',
    body: (
      <p>
        Questions about these terms: <ContactEmailLink />.
      </p>
    ),
  },
];

const summary = [
  <>You post your own content to your own TikTok account; we send it on your instruction only.</>,
  <>We add no watermarks. TikTok's rules, Music Usage Confirmation and Branded Content Policy apply.</>,
  <>The service comes without warranty and may change when TikTok's API does.</>,
  <>Disconnect any time, in the app or in TikTok's Manage apps.</>,
];

/** The authoritative text (docs/decisions/024-translated-screens-and-policies.md): translations follow it. */
export const termsOfServiceEnglish: LegalText = {
  title: 'Terms of Service',
  updated: policyFacts.lastUpdated,
  intro: (
    <p>
      These terms cover your use of {productName}, the web app at {policyFacts.siteHost}, for publishing videos to
      TikTok.
    </p>
  ),
  summary,
  sections,
  labels: { lastUpdated: 'Last updated:', inShort: 'In short', onThisPage: 'On this page' },
};

// Each translation is its own chunk: a reader downloads only the language they read.
const translations: TranslationLoaders = {
  de: () => import('../translations/terms-of-service.de'),
  fr: () => import('../translations/terms-of-service.fr'),
  es: () => import('../translations/terms-of-service.es'),
  'pt-BR': () => import('../translations/terms-of-service.pt-BR'),
};

/** The English original, or the reader's translation of it with a notice that the English decides. */
export function TermsOfService() {
  return <LegalPage english={termsOfServiceEnglish} translations={translations} />;
}

/** Loads the active language's translation before the page is first shown, so it does not flash in. */
export const preloadTermsOfService = () => preloadTranslation(translations);
