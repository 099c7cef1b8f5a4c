import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MessageId } from '@lingui/core';
import { paths } from '@/config/paths';
import { RichText, useT } from '@/lib/i18n';
import { PhonePreview } from './phone-preview';
import './landing-hero.css';

export type LandingHeroProps = {
  /** The call to action; the route passes the auth feature's Connect button. */
  action: ReactNode;
};

const promises: readonly MessageId[] = [
  'landing.promise.tab',
  'landing.promise.streamed',
  'landing.promise.noTracking',
];

export function LandingHero({ action }: LandingHeroProps) {
  const t = useT();
  return (
    <section className="landing-hero" aria-labelledby="landing-title">
      <div className="landing-hero__copy">
        <p className="landing-hero__eyebrow">{t('landing.eyebrow')}</p>
        <h1 id="landing-title" className="landing-hero__title">
          <RichText id="landing.title" components={{ 0: <span className="landing-hero__mark" /> }} />
        </h1>
        <p className="landing-hero__lede">{t('landing.lede')}</p>
        <div className="landing-hero__actions">{action}</div>
        <ul className="landing-hero__promises" aria-label={t('landing.promises')}>
          {promises.map((promise) => (
            <li key={promise}>{t(promise)}</li>
          ))}
        </ul>
        <p className="landing-hero__more">
          <Link to={paths.privacy.getHref()}>{t('landing.dataLink')}</Link>
        </p>
      </div>
      <PhonePreview />
    </section>
  );
}
