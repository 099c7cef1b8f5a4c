import type { AccessTokenSource } from '@/lib/access-token-source';
import { createHttpUploadTransport } from '../api/http-upload-transport';
import { UploadEngine, type UploadEngineOptions } from './upload-engine';

/**
 * One queue per tab and creator, outliving the compose screen: leaving the page mid-upload must
 * neither stop the upload nor, on return, restore a second engine that sends the same chunks again.
 * Another creator connecting in the same tab gets a queue of their own (the previous one stops).
 */
let shared: UploadEngine | null = null;

export function sharedUploadEngine(
  tokens: AccessTokenSource,
  overrides: Partial<UploadEngineOptions> = {},
): UploadEngine {
  if (shared && shared.owner !== overrides.owner) resetSharedUploadEngine();
  shared ??= new UploadEngine({
    transport: createHttpUploadTransport(),
    storage: typeof sessionStorage === 'undefined' ? null : sessionStorage,
    tokens,
    ...overrides,
  });
  return shared;
}

/** Drops the tab's queue from memory (what is stored stays): for tests, as a page unload would. */
export function resetSharedUploadEngine(): void {
  shared?.dispose();
  shared = null;
}
