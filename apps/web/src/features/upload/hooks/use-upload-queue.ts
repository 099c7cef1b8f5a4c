import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { AccessTokenSource } from '@/lib/access-token-source';
import type { FileMatch } from '../engine/file-fingerprint';
import { sharedUploadEngine } from '../engine/shared-upload-engine';
import type { UploadJobInput, UploadJobView } from '../engine/upload-types';

export interface UploadQueue {
  jobs: UploadJobView[];
  enqueue(input: UploadJobInput): Promise<string>;
  cancel(id: string): void;
  provideFile(id: string, file: File): Promise<FileMatch>;
  dismiss(id: string): void;
}

/**
 * The tab's upload queue. `tokens` is the creator's session as the app layer hands it over
 * (features don't import the auth feature): the same source the api client uses, so a 401 on an
 * upload ends the session as one anywhere else does. `owner` is the connected creator's open_id: a
 * queue another creator left in this tab is neither shown nor continued.
 */
export function useUploadQueue(options: { tokens: AccessTokenSource; owner?: string }): UploadQueue {
  const { tokens, owner } = options;
  const engine = sharedUploadEngine(tokens, owner === undefined ? {} : { owner });
  useEffect(() => {
    engine.start();
  }, [engine]);

  const jobs = useSyncExternalStore(engine.subscribe, engine.getSnapshot, engine.getSnapshot);
  return useMemo(
    () => ({
      jobs,
      enqueue: engine.enqueue,
      cancel: engine.cancel,
      provideFile: engine.provideFile,
      dismiss: engine.dismiss,
    }),
    [engine, jobs],
  );
}
