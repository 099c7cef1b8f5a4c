import { endpoints, type ErrorBody } from '@content-studio/contract';
import { postSettings } from '@content-studio/contract/testing';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { errorBody } from '@/mocks/handlers/session';
import { server } from '@/mocks/node';
import { UploadQueue } from '../components/upload-queue';
import { uploadsStorageKey } from '../engine/job-store';
import { resetSharedUploadEngine, sharedUploadEngine } from '../engine/shared-upload-engine';
import type { UploadJobInput } from '../engine/upload-types';
import { testTokens, videoFile } from '../testing/fake-upload-transport';
import { useUploadQueues } from './use-upload-queue';

const ava = { owner: 'open-ava', tokens: testTokens(async () => 'act.ava') };
const nico = { owner: 'open-nico', tokens: testTokens(async () => 'act.nico') };
const ACCOUNTS = [ava, nico];

afterEach(() => resetSharedUploadEngine());

/** What the compose route does with several accounts: a queue each, under a heading naming it. */
function Harness({ input }: { input: UploadJobInput }) {
  const queues = useUploadQueues(ACCOUNTS);
  return (
    <>
      {queues.map((queue) => (
        <button key={queue.owner} type="button" onClick={() => void queue.enqueue(input)}>
          Post as {queue.owner}
        </button>
      ))}
      {queues.map((queue) => (
        <UploadQueue key={queue.owner} queue={queue} heading={`Uploads to ${queue.owner}`} />
      ))}
    </>
  );
}

function renderQueues(input: UploadJobInput) {
  for (const account of ACCOUNTS) {
    sharedUploadEngine(account.tokens, { owner: account.owner, timing: { pollIntervalMs: 20, statusMinGapMs: 0 } });
  }
  render(<Harness input={input} />);
  return { user: userEvent.setup() };
}

const bearer = (request: Request) => request.headers.get('authorization');

const input: UploadJobInput = {
  file: videoFile(2_000, { name: 'launch.mp4' }),
  mode: 'direct',
  post: postSettings({ title: 'Hello', privacyLevel: 'SELF_ONLY' }),
};

describe('one upload queue per account', () => {
  it('sends each account’s upload with its own token and follows it in that account’s queue', async () => {
    const seen: { path: string; token: string | null }[] = [];
    server.events.on('request:start', ({ request }) => {
      seen.push({ path: new URL(request.url).pathname, token: bearer(request) });
    });
    const { user } = renderQueues(input);

    await user.click(screen.getByRole('button', { name: 'Post as open-ava' }));
    await user.click(screen.getByRole('button', { name: 'Post as open-nico' }));

    for (const owner of ['open-ava', 'open-nico']) {
      const queue = await screen.findByRole('region', { name: `Uploads to ${owner}` });
      expect(await within(queue).findByText('Published')).toBeTruthy();
      expect(within(queue).getAllByRole('article')).toHaveLength(1);
    }
    const inits = seen.filter((request) => request.path === endpoints.uploads.path);
    expect(inits.map((request) => request.token).sort()).toEqual(['Bearer act.ava', 'Bearer act.nico']);
    // Each queue is kept under its own key, with nothing of the other in it.
    for (const owner of ['open-ava', 'open-nico']) {
      const stored = JSON.parse(sessionStorage.getItem(uploadsStorageKey(owner)) ?? '{}') as {
        owner?: string;
        jobs?: unknown[];
      };
      expect(stored).toMatchObject({ owner, jobs: [expect.objectContaining({ state: 'published' })] });
    }
  });

  it('lets one account’s refused init fail alone while the other account’s post goes through', async () => {
    server.use(
      http.post(endpoints.uploads.path, ({ request }) =>
        bearer(request) === 'Bearer act.nico'
          ? HttpResponse.json<ErrorBody>(
              errorBody('CREATOR_CANNOT_POST', 'TikTok isn’t accepting posts from this account right now.'),
              { status: 403 },
            )
          : undefined,
      ),
    );
    const { user } = renderQueues(input);

    await user.click(screen.getByRole('button', { name: 'Post as open-nico' }));
    await user.click(screen.getByRole('button', { name: 'Post as open-ava' }));

    const nicoQueue = await screen.findByRole('region', { name: 'Uploads to open-nico' });
    expect(
      await within(nicoQueue).findByText('TikTok isn’t accepting posts from this account right now.'),
    ).toBeTruthy();
    const avaQueue = await screen.findByRole('region', { name: 'Uploads to open-ava' });
    expect(await within(avaQueue).findByText('Published')).toBeTruthy();
  });

  it('reports a refused token to its own account only', async () => {
    server.use(
      http.put(endpoints.uploadChunk.path, ({ request }) =>
        bearer(request) === 'Bearer act.nico'
          ? HttpResponse.json<ErrorBody>(errorBody('TIKTOK_TOKEN_INVALID', 'TikTok no longer accepts this token.'), {
              status: 401,
            })
          : undefined,
      ),
    );
    const { user } = renderQueues(input);

    await user.click(screen.getByRole('button', { name: 'Post as open-nico' }));
    await user.click(screen.getByRole('button', { name: 'Post as open-ava' }));

    const avaQueue = await screen.findByRole('region', { name: 'Uploads to open-ava' });
    expect(await within(avaQueue).findByText('Published')).toBeTruthy();
    expect(nico.tokens.rejected).toHaveBeenCalledWith('act.nico', expect.objectContaining({ status: 401 }));
    expect(ava.tokens.rejected).not.toHaveBeenCalled();
  });
});
