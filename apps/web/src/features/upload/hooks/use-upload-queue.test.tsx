import { endpoints } from '@content-studio/contract';
import { postSettings } from '@content-studio/contract/testing';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_POST_ID } from '@/mocks/handlers/uploads';
import { server } from '@/mocks/node';
import { UploadQueue } from '../components/upload-queue';
import { UPLOADS_STORAGE_KEY } from '../engine/job-store';
import { jobRecord, uploadPlan } from '../testing/job-record';
import { resetSharedUploadEngine, sharedUploadEngine } from '../engine/shared-upload-engine';
import { testTokens, videoFile } from '../testing/fake-upload-transport';
import type { UploadJobInput } from '../engine/upload-types';
import { useUploadQueue } from './use-upload-queue';

const tokens = testTokens(async () => 'act.mock-access-token');
const POST: NonNullable<UploadJobInput['post']> = postSettings({ title: 'Hello', privacyLevel: 'PUBLIC_TO_EVERYONE' });

afterEach(() => resetSharedUploadEngine());

/** What the compose route does: one queue, one list, a way to enqueue. */
function Harness({ input }: { input: UploadJobInput }) {
  const queue = useUploadQueue({ tokens });
  return (
    <>
      <button type="button" onClick={() => void queue.enqueue(input)}>
        Post
      </button>
      <UploadQueue queue={queue} />
    </>
  );
}

function renderQueue(input: UploadJobInput) {
  // Fast polling for the test; the first caller configures the tab's one engine.
  sharedUploadEngine(tokens, { timing: { pollIntervalMs: 20, statusMinGapMs: 0 } });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <Harness input={input} />
    </QueryClientProvider>,
  );
  return { queryClient, user: userEvent.setup() };
}

function countInits() {
  const inits = { count: 0 };
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === endpoints.uploads.path) inits.count++;
  });
  return inits;
}

describe('useUploadQueue against the mock proxy', () => {
  it('uploads a direct post, then links to it once published', async () => {
    const { user } = renderQueue({
      file: videoFile(2_000),
      mode: 'direct',
      post: POST,
      creatorUsername: 'ava.creates',
    });
    await user.click(screen.getByRole('button', { name: 'Post' }));
    const link = await screen.findByRole('link', { name: 'View on TikTok (opens in a new tab)' });
    expect(link.getAttribute('href')).toBe(`https://www.tiktok.com/@ava.creates/video/${MOCK_POST_ID}`);
    expect(screen.getByText('Published')).toBeTruthy();
  });

  it('delivers a draft to the inbox', async () => {
    const { user } = renderQueue({ file: videoFile(2_000), mode: 'draft' });
    await user.click(screen.getByRole('button', { name: 'Post' }));
    expect(await screen.findByText(/^Delivered to your TikTok inbox/)).toBeTruthy();
  });

  it('shows a refused init in plain words', async () => {
    server.use(
      http.post(endpoints.uploads.path, () =>
        HttpResponse.json(
          {
            error: {
              code: 'UNAUDITED_APP_RESTRICTION',
              message: 'Switch your TikTok account to private to post from this app.',
              retryable: false,
            },
          },
          { status: 403 },
        ),
      ),
    );
    const { user } = renderQueue({ file: videoFile(2_000), mode: 'direct', post: POST });
    await user.click(screen.getByRole('button', { name: 'Post' }));
    expect(await screen.findByText('Switch your TikTok account to private to post from this app.')).toBeTruthy();
  });

  it('after a reload, keeps tracking an uploaded post without starting it again', async () => {
    const inits = countInits();
    const record = jobRecord('processing', {
      id: 'job-restored',
      createdAt: Date.now(),
      file: { name: 'restored.mp4', size: 2_000, lastModified: 1, type: 'video/mp4', headSha256: 'b'.repeat(64) },
      upload: uploadPlan({
        publishId: 'v_pub_file~v2-1.mock.draft.99',
        uploadSession: 'mock-session.2000.2000.1',
        videoSize: 2_000,
        chunkSize: 2_000,
        chunkCount: 1,
        expiresAt: Date.now() + 30 * 60_000,
      }),
      acknowledgedChunks: 1,
      processingSince: Date.now(),
    });
    sessionStorage.setItem(UPLOADS_STORAGE_KEY, JSON.stringify({ version: 2, jobs: [record] }));
    renderQueue({ file: videoFile(2_000), mode: 'draft' });
    expect(screen.getByRole('heading', { name: 'restored.mp4' })).toBeTruthy();
    expect(await screen.findByText(/^Delivered to your TikTok inbox/)).toBeTruthy();
    expect(inits.count).toBe(0);
  });

  it('after a reload mid-init, says the outcome is unknown and does not init again', async () => {
    const inits = countInits();
    sessionStorage.setItem(
      UPLOADS_STORAGE_KEY,
      JSON.stringify({
        version: 2,
        jobs: [
          jobRecord('initializing', {
            id: 'job-init',
            mode: 'direct',
            createdAt: Date.now(),
            file: { name: 'lost.mp4', size: 2_000, lastModified: 1, type: 'video/mp4', headSha256: 'c'.repeat(64) },
            post: POST,
            creatorUsername: 'ava',
            expectsPostLink: true,
          }),
        ],
      }),
    );
    renderQueue({ file: videoFile(2_000), mode: 'draft' });
    expect(screen.getByText('Outcome unknown — check your TikTok profile')).toBeTruthy();
    expect(screen.queryByLabelText(/Choose .* again/)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inits.count).toBe(0);
  });
});
