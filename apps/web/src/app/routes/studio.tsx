import { AccountBar } from '@/features/studio/components/account-bar';
import { StudioEmptyState } from '@/features/studio/components/studio-empty-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import './studio.css';

export function StudioRoute() {
  useDocumentTitle('Studio');
  return (
    <div className="studio">
      <div className="studio__header">
        <h1 className="studio__title">Your studio</h1>
        <AccountBar />
      </div>
      <StudioEmptyState />
    </div>
  );
}
