import { SOURCE_LOCALE, t, useLocale } from '@/lib/i18n';
import { policyFacts } from '../policy-facts';
import './tiktok-disconnect-steps.css';

/**
 * The same steps with the names of TikTok's menus as TikTok's app shows them in the reader's
 * language. English reads the policy's own list, which the English catalog must match.
 */
export function localizedDisconnectSteps(): string[] {
  return [
    t('legal.steps.settings'),
    t('legal.steps.security'),
    t('legal.steps.manageApps'),
    policyFacts.productName,
    t('legal.steps.disconnect'),
  ];
}

export type TikTokDisconnectStepsProps = {
  /** In the English original, which stays English on a page in another language. */
  english?: boolean;
};

/** TikTok's own "remove this app" path, shown as steps so it can be followed on the phone. */
export function TikTokDisconnectSteps({ english = false }: TikTokDisconnectStepsProps) {
  const inEnglish = useLocale() === SOURCE_LOCALE || english;
  const steps = inEnglish ? policyFacts.tiktokDisconnectSteps : localizedDisconnectSteps();
  return (
    <ol className="legal__steps" aria-label={inEnglish ? 'Steps in the TikTok app' : t('legal.steps.label')}>
      {steps.map((step) => (
        <li key={step}>
          <span>{step}</span>
        </li>
      ))}
    </ol>
  );
}
