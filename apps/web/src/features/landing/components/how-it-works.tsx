import type { MessageId } from '@lingui/core';
import { useT } from '@/lib/i18n';
import './how-it-works.css';

const steps: ReadonlyArray<{ title: MessageId; text: MessageId }> = [
  { title: 'landing.step.connect', text: 'landing.step.connectText' },
  { title: 'landing.step.compose', text: 'landing.step.composeText' },
  { title: 'landing.step.publish', text: 'landing.step.publishText' },
];

export function HowItWorks() {
  const t = useT();
  return (
    <section className="how-it-works" aria-labelledby="how-it-works-title">
      <h2 id="how-it-works-title" className="how-it-works__title">
        {t('landing.howTitle')}
      </h2>
      <ol className="how-it-works__steps">
        {steps.map((step, index) => (
          <li key={step.title} className="how-it-works__step">
            <span className="how-it-works__number" aria-hidden="true">
              {index + 1}
            </span>
            <h3 className="how-it-works__step-title">{t(step.title)}</h3>
            <p>{t(step.text)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
