import { Spinner } from '@/components/ui/spinner';
import './root-fallback.css';

/** Shown only on a first visit straight to a lazily loaded page, while its code arrives. */
export function RootFallback() {
  return (
    <output className="root-fallback">
      <Spinner size="lg" />
      <span>Loading Content Studio Pro…</span>
    </output>
  );
}
