import { policyFacts } from '../policy-facts';
import './tiktok-disconnect-steps.css';

/** TikTok's own "remove this app" path, shown as steps so it can be followed on the phone. */
export function TikTokDisconnectSteps() {
  return (
    <ol className="legal__steps" aria-label="Steps in the TikTok app">
      {policyFacts.tiktokDisconnectSteps.map((step) => (
        <li key={step}>
          <span>{step}</span>
        </li>
      ))}
    </ol>
  );
}
