import { endpoints, type CreatorInfo, type ErrorBody } from '@content-studio/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '@/features/auth/session-store';
import { chooseVideo, videoFile } from '@/features/composer/test-utils';
import { uploadsStorageKey } from '@/features/upload/engine/job-store';
import { resetSharedUploadEngine } from '@/features/upload/engine/shared-upload-engine';
import { mockCreatorInfo, piaCreatorInfo } from '@/mocks/handlers/creator-info';
import { mockProfile } from '@/mocks/handlers/profile';
import { errorBody } from '@/mocks/handlers/session';
import { server } from '@/mocks/node';
import { renderApp } from '@/testing/render-app';
import { recordRequests, seedSession } from '@/testing/session-fixtures';

afterEach(() => resetSharedUploadEngine());

const CREATORS: Record<string, { openId: string; info: CreatorInfo }> = {
  'Bearer act.ava': { openId: 'open-ava', info: mockCreatorInfo },
  'Bearer act.pia': { openId: 'open-pia', info: piaCreatorInfo },
};

/** The proxy answering each creator's token with that creator's profile and creator info. */
function answerPerCreator() {
  const creatorOf = (request: Request) => CREATORS[request.headers.get('authorization') ?? ''];
  const refused = () => HttpResponse.json<ErrorBody>(errorBody('TIKTOK_TOKEN_INVALID', 'refused'), { status: 401 });
  server.use(
    http.get(endpoints.me.path, ({ request }) => {
      const creator = creatorOf(request);
      return creator
        ? HttpResponse.json({ ...mockProfile, openId: creator.openId, displayName: creator.info.nickname })
        : refused();
    }),
    http.get(endpoints.creatorInfo.path, ({ request }) => {
      const creator = creatorOf(request);
      return creator ? HttpResponse.json(creator.info) : refused();
    }),
  );
}

function connectAvaAndPia() {
  answerPerCreator();
  seedSession({ openId: 'open-ava', accessToken: 'act.ava', sealedRefresh: 'sealed.ava' });
  seedSession({ openId: 'open-pia', accessToken: 'act.pia', sealedRefresh: 'sealed.pia' });
  sessionStore.switchTo('open-ava');
}

async function postToBoth(user: ReturnType<typeof renderApp>['user']) {
  const ava = await screen.findByRole('region', { name: /^Ava Public/ });
  await user.click(within(screen.getByRole('group', { name: 'Post to' })).getByRole('checkbox', { name: /Pia/ }));
  const pia = await screen.findByRole('region', { name: /^Pia Private/ });
  await chooseVideo(user, videoFile('launch.mp4'));
  await user.selectOptions(within(ava).getByLabelText('Who can see this video'), 'Everyone');
  await user.selectOptions(within(pia).getByLabelText('Who can see this video'), 'Followers');
  await user.click(screen.getByRole('button', { name: 'Post' }));
}

describe('/studio/compose with two accounts', () => {
  it('posts one video to both, each upload with its own token and settings, each followed in its own queue', async () => {
    const requests = recordRequests();
    connectAvaAndPia();
    const { user } = renderApp('/studio/compose');

    await postToBoth(user);

    for (const name of ['Ava Public', 'Pia Private']) {
      const queue = await screen.findByRole('region', { name: `Uploads to ${name}` });
      expect(within(queue).getByRole('heading', { name: 'launch.mp4' })).toBeTruthy();
    }
    await waitFor(() => expect(requests.count('POST', endpoints.uploads.path)).toBe(2));
    const inits = requests.seen.filter((r) => r.method === 'POST' && r.path === endpoints.uploads.path);
    const sent = await Promise.all(
      inits.map(async (r) => ({
        token: r.request.headers.get('authorization'),
        privacy: ((await r.request.json()) as { post: { privacyLevel: string } }).post.privacyLevel,
      })),
    );
    expect(sent.sort((a, b) => String(a.token).localeCompare(String(b.token)))).toEqual([
      { token: 'Bearer act.ava', privacy: 'PUBLIC_TO_EVERYONE' },
      { token: 'Bearer act.pia', privacy: 'FOLLOWER_OF_CREATOR' },
    ]);
    // Each account's queue is stored apart, and nothing of one is in the other's.
    await waitFor(() => {
      for (const openId of ['open-ava', 'open-pia']) {
        const stored = JSON.parse(sessionStorage.getItem(uploadsStorageKey(openId)) ?? '{}') as { jobs?: unknown[] };
        expect(stored.jobs).toHaveLength(1);
      }
    });
  });

  it('lets TikTok refuse one account’s upload without stopping the other’s', async () => {
    connectAvaAndPia();
    server.use(
      http.post(endpoints.uploads.path, ({ request }) =>
        request.headers.get('authorization') === 'Bearer act.pia'
          ? HttpResponse.json<ErrorBody>(
              errorBody('CREATOR_CANNOT_POST', 'This TikTok account has reached its daily posting limit.'),
              { status: 403 },
            )
          : undefined,
      ),
    );
    const { user } = renderApp('/studio/compose');

    await postToBoth(user);

    const pia = await screen.findByRole('region', { name: 'Uploads to Pia Private' });
    expect(await within(pia).findByText(/daily posting limit/)).toBeTruthy();
    const ava = await screen.findByRole('region', { name: 'Uploads to Ava Public' });
    expect(await within(ava).findByText(/^(Uploaded|Published)/)).toBeTruthy();
    expect(within(ava).queryByText(/daily posting limit/)).toBeNull();
  });

  it('keeps the one-account screen when only one account is connected', async () => {
    seedSession();
    renderApp('/studio/compose');

    expect((await screen.findByText('Ava Public')).closest('p')?.textContent).toBe(
      'Posting to Ava Public @ava.creates',
    );
    expect(screen.queryByRole('group', { name: 'Post to' })).toBeNull();
  });
});
