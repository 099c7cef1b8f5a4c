import './studio-empty-state.css';

/** The studio before the composer exists: says what will be here, and promises nothing more. */
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
        Your TikTok account is connected. This is where you will pick a video, write its caption, choose who can watch
        it and follow it until TikTok has finished processing.
      </p>
    </section>
  );
}
