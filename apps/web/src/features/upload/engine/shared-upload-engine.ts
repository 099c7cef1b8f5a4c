import type { AccessTokenSource } from '@/lib/access-token-source';
import { createHttpUploadTransport } from '../api/http-upload-transport';
import { UploadEngine, type UploadEngineOptions } from './upload-engine';

/**
 * One queue per tab and creator, outliving the compose screen: leaving the page mid-upload must
 * neither stop the upload nor, on return, restore a second engine that sends the same chunks again.
 * Each connected account has an engine of its own, with its own token source, stored queue and
 * status schedule (TikTok's limits are per account), so one account's refusal or ended session
 * never holds up another's uploads (docs/decisions/025-several-accounts.md).
 */
const shared = new Map<string | undefined, UploadEngine>();

export function sharedUploadEngine(
  tokens: AccessTokenSource,
  overrides: Partial<UploadEngineOptions> = {},
): UploadEngine {
  let engine = shared.get(overrides.owner);
  if (!engine) {
    engine = new UploadEngine({
      transport: createHttpUploadTransport(),
      storage: typeof sessionStorage === 'undefined' ? null : sessionStorage,
      tokens,
      ...overrides,
    });
    shared.set(overrides.owner, engine);
  }
  return engine;
}

/** Drops the tab's queues from memory (what is stored stays): for tests, as a page unload would. */
export function resetSharedUploadEngine(): void {
  for (const engine of shared.values()) engine.dispose();
  shared.clear();
}
