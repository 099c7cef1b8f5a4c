import { Spinner } from '@/components/ui/spinner';
import { useT } from '@/lib/i18n';
import './root-fallback.css';

/** Shown only on a first visit straight to a lazily loaded page, while its code arrives. */
export function RootFallback() {
  const t = useT();
  return (
    <output className="root-fallback">
      <Spinner size="lg" />
      <span>{t('shell.loading')}</span>
    </output>
  );
}
