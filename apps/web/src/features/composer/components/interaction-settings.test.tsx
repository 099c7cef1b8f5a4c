import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockCreatorInfo, nicoCreatorInfo, piaCreatorInfo } from '@/mocks/handlers/creator-info';
import { descriptionOf, renderComposerForm } from '../test-utils';

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

// docs/requirements/tiktok-rules.md#interactions-off
describe('interactions: Allow Comment / Duet / Stitch', () => {
  it('starts with all three unticked, even where the creator allows them', () => {
    renderComposerForm({ creatorInfo: mockCreatorInfo });

    for (const name of ['Allow Comment', 'Allow Duet', 'Allow Stitch']) {
      expect(box(name).checked).toBe(false);
      expect(box(name).disabled).toBe(false);
    }
  });

  it('greys out Allow Comment, with the reason, for a creator who turned comments off (nico)', () => {
    renderComposerForm({ creatorInfo: nicoCreatorInfo });

    expect(box('Allow Comment').disabled).toBe(true);
    expect(box('Allow Comment').checked).toBe(false);
    expect(descriptionOf(box('Allow Comment'))).toBe('Comments are turned off in your TikTok settings.');
    expect(box('Allow Duet').disabled).toBe(false);
    expect(box('Allow Stitch').disabled).toBe(false);
  });

  it('greys out Allow Duet and Allow Stitch for a private account (pia), saying why', () => {
    renderComposerForm({ creatorInfo: piaCreatorInfo });

    expect(box('Allow Duet').disabled).toBe(true);
    expect(descriptionOf(box('Allow Duet'))).toBe('Duets aren’t available for private accounts.');
    expect(box('Allow Stitch').disabled).toBe(true);
    expect(descriptionOf(box('Allow Stitch'))).toBe('Stitches aren’t available for private accounts.');
    expect(box('Allow Comment').disabled).toBe(false);
  });

  it('lets the creator tick an allowed interaction with the keyboard', async () => {
    const { user } = renderComposerForm();
    box('Allow Duet').focus();

    await user.keyboard(' ');

    expect(box('Allow Duet').checked).toBe(true);
  });
});
