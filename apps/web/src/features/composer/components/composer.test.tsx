import { REQUESTED_SCOPES, endpoints } from '@content-studio/contract';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { creatorInfoAnswer, creatorInfoFailure, mockCreatorInfo, piaCreatorInfo } from '@/mocks/handlers/creator-info';
import { server } from '@/mocks/node';
import { createTestQueryClient } from '@/testing/render-app';
import { recordRequests } from '@/testing/session-fixtures';
import type { ComposerSubmission } from '../composer-schema';
import { TEST_ACCESS_TOKEN, chooseVideo, postButton, privacySelect, testAccessTokens, videoFile } from '../test-utils';
import { Composer } from './composer';

function renderComposer({
  scopes = [...REQUESTED_SCOPES] as readonly string[],
  queryClient = createTestQueryClient(),
}: { scopes?: readonly string[]; queryClient?: QueryClient } = {}) {
  const onSubmit = vi.fn<(submission: ComposerSubmission) => Promise<string>>(async () => 'job-1');
  const user = userEvent.setup();
  const ui = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Composer
          accounts={[{ openId: 'open-id-mock-creator', grantedScopes: scopes, tokens: testAccessTokens }]}
          onSubmit={(submission) => onSubmit(submission)}
        />
      </QueryClientProvider>
    </StrictMode>
  );
  const view = render(ui);
  return { ...view, ui, user, onSubmit, queryClient };
}

const creatorInfoCalls = (requests: ReturnType<typeof recordRequests>) =>
  requests.count('GET', endpoints.creatorInfo.path);

// docs/requirements/tiktok-rules.md#latest-creator-info
describe('the compose screen and TikTok creator info', () => {
  it('asks the proxy for creator info with the bearer token and shows whom it posts to', async () => {
    const requests = recordRequests();
    renderComposer();

    expect((await screen.findByText('Ava Public')).closest('p')?.textContent).toBe(
      'Posting to Ava Public @ava.creates',
    );
    expect(requests.seen.find((r) => r.path === endpoints.creatorInfo.path)?.request.headers.get('authorization')).toBe(
      `Bearer ${TEST_ACCESS_TOKEN}`,
    );
  });

  it('says it is loading, and shows no form, until creator info is here', () => {
    renderComposer();

    expect(screen.getByRole('status').textContent).toBe('Loading your TikTok posting settings…');
    expect(screen.queryByRole('button', { name: 'Post' })).toBeNull();
  });

  it('fetches creator info afresh every time the screen opens, never from a cache', async () => {
    const requests = recordRequests();
    const first = renderComposer();
    await screen.findByText('Ava Public');
    expect(creatorInfoCalls(requests)).toBe(1);
    first.unmount();

    server.use(creatorInfoAnswer(piaCreatorInfo));
    renderComposer({ queryClient: first.queryClient });

    expect(screen.getByRole('status').textContent).toMatch(/Loading/); // nothing stale is shown meanwhile
    expect(await screen.findByText('Pia Private')).toBeTruthy();
    expect(creatorInfoCalls(requests)).toBe(2);
  });

  it('stops before composing when TikTok says the creator cannot post now, and says to try later', async () => {
    server.use(
      creatorInfoFailure(
        403,
        'CREATOR_CANNOT_POST',
        'This TikTok account has reached its daily posting limit. Please try again later.',
      ),
    );
    renderComposer();

    const notice = await screen.findByRole('region', {
      name: "TikTok isn't accepting posts from this account right now",
    });
    expect(notice.textContent).toContain(
      'This TikTok account has reached its daily posting limit. Please try again later.',
    );
    expect(notice.textContent).toMatch(/resets within 24 hours/);
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByLabelText(/Choose a video/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Post' })).toBeNull();
  });

  it('offers to try again after a passing failure such as a rate limit', async () => {
    server.use(creatorInfoFailure(429, 'RATE_LIMITED', 'Too many requests. Try again shortly.', true));
    const { user } = renderComposer();
    expect(await screen.findByText(/Wait a minute, then try again/)).toBeTruthy();

    server.use(creatorInfoAnswer(mockCreatorInfo));
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('button', { name: 'Post' })).toBeTruthy();
  });

  it('without video.publish asks nothing of TikTok and offers drafts only, saying why', async () => {
    const requests = recordRequests();
    renderComposer({ scopes: ['user.info.basic', 'video.upload'] });

    const direct = screen.getByRole('radio', { name: /Post now/ }) as HTMLInputElement;
    expect(direct.disabled).toBe(true);
    expect(
      screen.getByText(
        "You didn't allow posting to your profile (video.publish) when you connected TikTok, so only drafts can be sent.",
      ),
    ).toBeTruthy();
    expect((screen.getByRole('radio', { name: /Send to TikTok inbox/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Send draft' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(creatorInfoCalls(requests)).toBe(0);
  });

  it('sends nothing anywhere before Post is pressed, then hands the video over once', async () => {
    const requests = recordRequests();
    const { user, onSubmit } = renderComposer();
    await screen.findByText('Ava Public');
    await chooseVideo(user, videoFile());
    await user.selectOptions(privacySelect(), 'Friends');
    await user.type(screen.getByRole('textbox', { name: 'Caption' }), 'hello');

    expect(requests.seen.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${endpoints.creatorInfo.path}`]);
    expect(onSubmit).not.toHaveBeenCalled();

    await user.click(postButton('Post'));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  });

  it('asks TikTok again right before posting', async () => {
    const requests = recordRequests();
    const { user, onSubmit } = renderComposer();
    await screen.findByText('Ava Public');
    await chooseVideo(user, videoFile());
    await user.selectOptions(privacySelect(), 'Friends');

    await user.click(postButton('Post'));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(creatorInfoCalls(requests)).toBe(2);
  });

  it('holds the post back when the chosen audience is no longer offered, and asks to choose again', async () => {
    const { user, onSubmit } = renderComposer();
    await screen.findByText('Ava Public');
    await chooseVideo(user, videoFile());
    await user.selectOptions(privacySelect(), 'Everyone');
    // Meanwhile the creator made the account private in TikTok: "Everyone" is gone.
    server.use(creatorInfoAnswer(piaCreatorInfo));

    await user.click(postButton('Post'));

    expect((await screen.findByRole('alert')).textContent).toMatch(/audience options have just changed/);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(privacySelect().value).toBe('');
  });

  it('holds the post back when TikTok says, at the last moment, that the creator cannot post', async () => {
    const { user, onSubmit } = renderComposer();
    await screen.findByText('Ava Public');
    await chooseVideo(user, videoFile());
    await user.selectOptions(privacySelect(), 'Friends');
    server.use(
      creatorInfoFailure(
        403,
        'CREATOR_CANNOT_POST',
        'This TikTok account has reached its daily posting limit. Please try again later.',
      ),
    );

    await user.click(postButton('Post'));

    expect((await screen.findByRole('alert')).textContent).toMatch(/daily posting limit. Please try again later/);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
