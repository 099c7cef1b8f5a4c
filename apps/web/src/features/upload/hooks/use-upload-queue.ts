import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { publishStatusQueries } from '../api/publish-status-queries';
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
 * The tab's upload queue. `getAccessToken` comes from the app layer (features don't import the auth
 * feature) and must return a token valid now, refreshing first when due. `owner` is the connected
 * creator's open_id: a queue another creator left in this tab is neither shown nor continued.
 */
export function useUploadQueue(options: { getAccessToken: () => Promise<string>; owner?: string }): UploadQueue {
  const { getAccessToken, owner } = options;
  const engine = sharedUploadEngine(getAccessToken, owner === undefined ? {} : { owner });
  // The engine outlives this component; it always calls the latest getter the route passed in.
  useEffect(() => {
    engine.setAccessTokenGetter(getAccessToken);
  }, [engine, getAccessToken]);
  useEffect(() => {
    engine.start();
  }, [engine]);

  const queryClient = useQueryClient();
  useEffect(
    () =>
      engine.onStatus((publishId, status) => {
        queryClient.setQueryData(publishStatusQueries.detail(publishId).queryKey, status);
      }),
    [engine, queryClient],
  );

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
