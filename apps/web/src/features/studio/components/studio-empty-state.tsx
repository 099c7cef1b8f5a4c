import { useT } from '@/lib/i18n';
import './studio-empty-state.css';

/** The studio before the composer exists: says what will be here, and promises nothing more. */
export function StudioEmptyState() {
  const t = useT();
  return (
    <section className="studio-empty" aria-labelledby="studio-empty-title">
      <div className="studio-empty__art" aria-hidden="true">
        <span className="studio-empty__frame" />
        <span className="studio-empty__frame studio-empty__frame--back" />
      </div>
      <h2 id="studio-empty-title" className="studio-empty__title">
        {t('studio.emptyTitle')}
      </h2>
      <p className="studio-empty__text">{t('studio.emptyText')}</p>
    </section>
  );
}
