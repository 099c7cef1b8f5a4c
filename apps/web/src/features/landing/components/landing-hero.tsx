import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { PhonePreview } from './phone-preview';
import './landing-hero.css';

export type LandingHeroProps = {
  /** The call to action; the route passes the auth feature's Connect button. */
  action: ReactNode;
};

const promises = [
  'Your sign-in stays in this tab and is gone when you close it',
  'Videos are streamed to TikTok, never stored',
  'No analytics, ads or third-party scripts',
] as const;

export function LandingHero({ action }: LandingHeroProps) {
  return (
    <section className="landing-hero" aria-labelledby="landing-title">
      <div className="landing-hero__copy">
        <p className="landing-hero__eyebrow">For TikTok creators</p>
        <h1 id="landing-title" className="landing-hero__title">
          Publish to TikTok from <span className="landing-hero__mark">your desk</span>.
        </h1>
        <p className="landing-hero__lede">
          Connect your TikTok account, pick a video from your computer, write the caption and choose who sees it.
          Content Studio Pro sends it to TikTok to go live right away, or to your TikTok inbox as a draft to finish in
          the app.
        </p>
        <div className="landing-hero__actions">{action}</div>
        <ul className="landing-hero__promises" aria-label="Our promises">
          {promises.map((promise) => (
            <li key={promise}>{promise}</li>
          ))}
        </ul>
        <p className="landing-hero__more">
          <Link to={paths.privacy.getHref()}>How we handle your data</Link>
        </p>
      </div>
      <PhonePreview />
    </section>
  );
}
