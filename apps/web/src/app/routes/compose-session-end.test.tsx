import { endpoints, type ErrorBody } from '@content-studio/contract';
import { screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_STORAGE_KEY } from '@/features/auth/session-store';
import { chooseVideo, privacySelect, videoFile } from '@/features/composer/test-utils';
import { uploadsStorageKey } from '@/features/upload/engine/job-store';
import { resetSharedUploadEngine } from '@/features/upload/engine/shared-upload-engine';
import { errorBody } from '@/mocks/handlers/session';
import { server } from '@/mocks/node';
import { renderApp } from '@/testing/render-app';
import { seedSession } from '@/testing/session-fixtures';

afterEach(() => resetSharedUploadEngine());

const refused = () =>
  HttpResponse.json<ErrorBody>(errorBody('TIKTOK_TOKEN_INVALID', 'TikTok no longer accepts this token.'), {
    status: 401,
  });

/** Where the creator ends up once the notice shows: what a refused token looks like to them. */
async function afterTheRefusal(router: ReturnType<typeof renderApp>['router']) {
  await screen.findByText('Your TikTok session ended');
  return { path: router.location.pathname, session: sessionStorage.getItem(SESSION_STORAGE_KEY) };
}

const SIGNED_OUT = { path: '/', session: null };

describe('a 401 on the compose screen ends the session the same way wherever it comes from', () => {
  it('from an API call (the creator info)', async () => {
    server.use(http.get(endpoints.creatorInfo.path, refused));
    seedSession();
    const { router } = renderApp('/studio/compose');

    expect(await afterTheRefusal(router)).toEqual(SIGNED_OUT);
  });

  it('from an upload chunk, and the job waits for the file after reconnecting', async () => {
    server.use(http.put(endpoints.uploadChunk.path, refused));
    const seeded = seedSession();
    const { router, user } = renderApp('/studio/compose');
    await screen.findByText('Ava Public');
    await chooseVideo(user, videoFile('launch.mp4'));
    await user.selectOptions(privacySelect(), 'Friends');
    await user.click(screen.getByRole('button', { name: 'Post' }));

    expect(await afterTheRefusal(router)).toEqual(SIGNED_OUT);
    const stored = JSON.parse(sessionStorage.getItem(uploadsStorageKey(seeded.openId)) ?? '{}') as {
      jobs?: Array<{ state: string; waitReason: string | null }>;
    };
    expect(stored.jobs).toEqual([expect.objectContaining({ state: 'paused', waitReason: 'session-ended' })]);
  });
});
