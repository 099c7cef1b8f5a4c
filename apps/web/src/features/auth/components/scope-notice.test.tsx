import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { seedSession } from '@/testing/session-fixtures';

async function studioWithScopes(scopes: string[]) {
  seedSession({ scopes });
  renderApp('/studio');
  await screen.findByRole('heading', { level: 1, name: 'Your studio' });
}

describe('the scope notice in the studio', () => {
  it('is absent when every permission was granted', async () => {
    await studioWithScopes(['user.info.basic', 'video.publish', 'video.upload']);
    expect(screen.queryByRole('region', { name: 'Some features are switched off' })).toBeNull();
  });

  it('says that without video.publish only drafts are possible', async () => {
    await studioWithScopes(['user.info.basic', 'video.upload']);

    const notice = screen.getByRole('region', { name: 'Some features are switched off' });
    expect(notice.textContent).toMatch(/can't post directly/);
    expect(notice.textContent).toMatch(/can still send videos to your TikTok inbox as drafts/);
    expect(notice.textContent).not.toMatch(/video\.upload/);
    expect(screen.getByRole('button', { name: /connect again/i })).toBeTruthy();
  });

  it('says that without video.upload there are no drafts', async () => {
    await studioWithScopes(['user.info.basic', 'video.publish']);

    const notice = screen.getByRole('region', { name: 'Some features are switched off' });
    expect(notice.textContent).toMatch(/can't send videos to your TikTok inbox as drafts/);
    expect(notice.textContent).toMatch(/can still post directly/);
    expect(notice.textContent).not.toMatch(/video\.publish/);
  });

  it('names both when both were unticked', async () => {
    await studioWithScopes(['user.info.basic']);

    const notice = screen.getByRole('region', { name: 'Some features are switched off' });
    expect(notice.textContent).toMatch(/can't post directly/);
    expect(notice.textContent).toMatch(/can't send videos to your TikTok inbox as drafts/);
    expect(notice.textContent).not.toMatch(/can still/);
  });
});
