import { endpoints } from '@content-studio/contract';
import { postSettings } from '@content-studio/contract/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseVideo, privacySelect, videoFile } from '@/features/composer/test-utils';
import { renderApp } from '@/testing/render-app';
import { recordRequests, seedSession } from '@/testing/session-fixtures';

describe('/studio/compose', () => {
  it('opens for a connected creator with the composer and whom it posts to', async () => {
    seedSession();
    renderApp('/studio/compose');

    expect(await screen.findByRole('heading', { level: 1, name: 'New post' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('New post · Content Studio Pro'));
    expect((await screen.findByText('Ava Public')).closest('p')?.textContent).toBe(
      'Posting to Ava Public @ava.creates',
    );
    expect(screen.getByRole('link', { name: /Your studio/ }).getAttribute('href')).toBe('/studio');
  });

  it('is reached from the studio through its "New post" link', async () => {
    seedSession();
    const { user, router } = renderApp('/studio');

    await user.click(await screen.findByRole('link', { name: 'New post' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'New post' })).toBeTruthy();
    expect(router.location.pathname).toBe('/studio/compose');
  });

  it('sends a visitor without a session to the home page', async () => {
    const { router } = renderApp('/studio/compose');

    await waitFor(() => expect(router.location.pathname).toBe('/'));
  });

  it('hands a posted video to the upload queue, with the settings exactly as chosen', async () => {
    seedSession({ accessToken: 'act.compose-route' });
    const requests = recordRequests();
    const { user } = renderApp('/studio/compose');
    await screen.findByText('Ava Public');
    await chooseVideo(user, videoFile('launch.mp4'));
    await user.selectOptions(privacySelect(), 'Friends');
    expect(requests.count('POST', endpoints.uploads.path)).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Post' }));

    const uploads = await screen.findByRole('region', { name: 'Uploads' });
    expect(within(uploads).getByRole('heading', { name: 'launch.mp4' })).toBeTruthy();
    await waitFor(() => expect(requests.count('POST', endpoints.uploads.path)).toBe(1));
    const init = requests.seen.find((r) => r.method === 'POST' && r.path === endpoints.uploads.path);
    expect(init?.request.headers.get('authorization')).toBe('Bearer act.compose-route');
    expect(await init?.request.json()).toMatchObject({
      mode: 'direct',
      mimeType: 'video/mp4',
      post: postSettings({ privacyLevel: 'MUTUAL_FOLLOW_FRIENDS', coverTimestampMs: 0 }),
      preferredChunkSize: 64_000_000,
    });
  });
});
