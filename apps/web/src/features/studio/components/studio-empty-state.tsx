import { ButtonLink } from '@/components/ui/button-link';
import { paths } from '@/config/paths';
import './studio-empty-state.css';

export function StudioEmptyState() {
  return (
    <section className="studio-empty" aria-labelledby="studio-empty-title">
      <div className="studio-empty__art" aria-hidden="true">
        <span className="studio-empty__frame" />
        <span className="studio-empty__frame studio-empty__frame--back" />
      </div>
      <h2 id="studio-empty-title" className="studio-empty__title">
        Nothing here yet
      </h2>
      <p className="studio-empty__text">
        Once your TikTok account is connected, this is where you will pick a video, write its caption,
        choose who can watch it and follow it until TikTok has finished processing.
      </p>
      <ButtonLink to={paths.home.getHref()} variant="primary">
        Go to the home page
      </ButtonLink>
    </section>
  );
}
