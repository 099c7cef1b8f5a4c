import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AccessTokenSource } from '@/lib/access-token-source';
import type { FileMatch } from '../engine/file-fingerprint';
import { sharedUploadEngine } from '../engine/shared-upload-engine';
import type { UploadEngine } from '../engine/upload-engine';
import type { UploadJobInput, UploadJobView } from '../engine/upload-types';

export interface UploadQueue {
  /** The account (TikTok open_id) the queue belongs to, when it was given. */
  owner: string | undefined;
  jobs: UploadJobView[];
  enqueue(input: UploadJobInput): Promise<string>;
  cancel(id: string): void;
  provideFile(id: string, file: File): Promise<FileMatch>;
  dismiss(id: string): void;
}

export type UploadQueueOptions = {
  /** The account's session as the app layer hands it over (features don't import the auth feature). */
  tokens: AccessTokenSource;
  /** The account's open_id: a queue another creator left in this tab is neither shown nor continued. */
  owner?: string;
};

/**
 * The tab's upload queue of one account. `tokens` is that account's session: the same source the
 * api client uses for it, so a 401 on an upload ends that account's session as one anywhere else
 * does.
 */
export function useUploadQueue(options: UploadQueueOptions): UploadQueue {
  const [queue] = useUploadQueues([options]);
  if (!queue) throw new Error('useUploadQueues returns one queue per account it is given');
  return queue;
}

/**
 * The upload queues of several accounts, one engine each, in the order given. Each job goes to,
 * and is followed in, the queue of the account it was enqueued for.
 */
export function useUploadQueues(accounts: readonly UploadQueueOptions[]): UploadQueue[] {
  const engines = accounts.map(({ tokens, owner }) => sharedUploadEngine(tokens, owner === undefined ? {} : { owner }));
  // The same array while the same engines are asked for, so the subscription below is not renewed
  // on every render. The engines are the tab's own (one per account), so comparing them is enough.
  const [stable, setStable] = useState(engines);
  if (!sameEngines(stable, engines)) setStable(engines);

  useEffect(() => {
    for (const engine of stable) engine.start();
  }, [stable]);

  const snapshots = useEngineSnapshots(stable);
  return useMemo(
    () =>
      stable.map((engine, index) => ({
        owner: engine.owner,
        jobs: snapshots[index] ?? [],
        enqueue: engine.enqueue,
        cancel: engine.cancel,
        provideFile: engine.provideFile,
        dismiss: engine.dismiss,
      })),
    [stable, snapshots],
  );
}

function sameEngines(a: readonly UploadEngine[], b: readonly UploadEngine[]): boolean {
  return a.length === b.length && a.every((engine, index) => engine === b[index]);
}

/** Every engine's jobs, as one value that stays the same object until one of them changes. */
function useEngineSnapshots(engines: readonly UploadEngine[]): readonly UploadJobView[][] {
  const last = useRef<{ engines: readonly UploadEngine[]; snapshots: UploadJobView[][] } | null>(null);
  const subscribe = useMemo(
    () => (listener: () => void) => {
      const unsubscribes = engines.map((engine) => engine.subscribe(listener));
      return () => {
        for (const unsubscribe of unsubscribes) unsubscribe();
      };
    },
    [engines],
  );
  const getSnapshot = () => {
    const snapshots = engines.map((engine) => engine.getSnapshot());
    const previous = last.current;
    if (
      previous?.engines === engines &&
      previous.snapshots.length === snapshots.length &&
      previous.snapshots.every((jobs, index) => jobs === snapshots[index])
    ) {
      return previous.snapshots;
    }
    last.current = { engines, snapshots };
    return snapshots;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
