import type { SessionEnd } from './session-store';

/**
 * Why the creator was sent to the home page, carried in the router's location state. Kept free of
 * zod and the session code so the landing page can read it without loading them.
 */
export type SignedOutReason = SessionEnd | { reason: 'required' };

export type SignedOutLocationState = { signedOut: SignedOutReason };

/** Location state is whatever was in history; accept only the shapes written above. */
export function readSignedOutReason(state: unknown): SignedOutReason | null {
  if (typeof state !== 'object' || state === null || !('signedOut' in state)) return null;
  const value: unknown = state.signedOut;
  if (typeof value !== 'object' || value === null || !('reason' in value)) return null;
  switch (value.reason) {
    case 'expired':
      return { reason: 'expired' };
    case 'lifetime-ended':
      return { reason: 'lifetime-ended' };
    case 'required':
      return { reason: 'required' };
    case 'disconnected':
      return { reason: 'disconnected', revoked: 'revoked' in value && value.revoked === true };
    default:
      return null;
  }
}
