import { describe, expect, it } from 'vitest';
import { errorFromBody } from './api-client';
import { ApiError } from './api-error';
import { creatorMessage } from './api-error-text';
import { setLocale } from './i18n';

const fromProxy = () =>
  errorFromBody(409, {
    error: {
      code: 'PRIVACY_OPTION_MISMATCH',
      message:
        "The chosen audience is not one of this account's current options. Please choose who can view the video again.",
      retryable: false,
    },
  });

describe('what a creator reads about a failed call', () => {
  it("shows the proxy's own words to a creator reading English", () => {
    expect(creatorMessage(fromProxy())).toBe(
      "The chosen audience is not one of this account's current options. Please choose who can view the video again.",
    );
  });

  it("shows the code's translated meaning in another language, never the proxy's English", async () => {
    await setLocale('de', { remember: false });
    const error = fromProxy();

    expect(creatorMessage(error)).toBe(
      'Die gewählte Zielgruppe gehört nicht mehr zu den Optionen dieses Kontos. Wähle erneut, wer das Video sehen kann.',
    );
    // The English stays on the error itself, for logs and for what reads it (the upload engine).
    expect(error.message).toMatch(/^The chosen audience/);
  });

  it('keeps a message the SPA made itself, which is already in the language it was made in', async () => {
    await setLocale('fr', { remember: false });
    const made = errorFromBody(504, undefined);
    expect(made.fromServer).toBe(false);
    expect(creatorMessage(made)).toBe('Le serveur a mis trop de temps à répondre. Réessayez dans un instant.');
    expect(creatorMessage(new ApiError({ code: 'INTERNAL', message: 'Hand-made', status: 500, retryable: true }))).toBe(
      'Hand-made',
    );
  });
});
