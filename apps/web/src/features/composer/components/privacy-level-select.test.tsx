import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockCreatorInfo, piaCreatorInfo } from '@/mocks/handlers/creator-info';
import { chooseVideo, descriptionOf, isBlocked, postButton, privacySelect, renderComposerForm } from '../test-utils';

// docs/requirements/tiktok-rules.md#privacy-no-default
describe('privacy: who can see the post', () => {
  it('has no default: a disabled placeholder is selected until the creator chooses', () => {
    renderComposerForm();

    const select = privacySelect();
    expect(select.value).toBe('');
    const placeholder = within(select).getByRole('option', { name: 'Choose who can see this' }) as HTMLOptionElement;
    expect(placeholder.selected).toBe(true);
    expect(placeholder.disabled).toBe(true);
  });

  it('keeps Post disabled until an audience is chosen, and says so on the button', async () => {
    const { user } = renderComposerForm();
    await chooseVideo(user);

    expect(isBlocked(postButton('Post'))).toBe(true);
    expect(descriptionOf(postButton('Post'))).toContain('Choose who can see this video.');
    expect(postButton('Post').title).toContain('Choose who can see this video.');

    await user.selectOptions(privacySelect(), 'Friends');

    expect(isBlocked(postButton('Post'))).toBe(false);
    expect(postButton('Post').title).toBe('');
  });

  it.each([
    ['a public creator', mockCreatorInfo, ['Everyone', 'Friends', 'Only me']],
    ['a private creator', piaCreatorInfo, ['Followers', 'Friends', 'Only me']],
    ['an unaudited app', { ...piaCreatorInfo, privacyLevelOptions: ['SELF_ONLY' as const] }, ['Only me']],
  ])("offers %s exactly the creator's own options", (_who, creatorInfo, labels) => {
    renderComposerForm({ creatorInfo });

    const options = within(privacySelect()).getAllByRole('option') as HTMLOptionElement[];
    expect(options.filter((option) => option.value !== '').map((option) => option.textContent)).toEqual(labels);
  });

  it('is a labelled, required select the keyboard can change', async () => {
    const { user } = renderComposerForm();
    const select = privacySelect();
    expect(select.required).toBe(true);

    select.focus();
    await user.selectOptions(select, 'Only me');

    expect(select.value).toBe('SELF_ONLY');
    expect(screen.getByRole('combobox', { name: 'Who can see this video' })).toBe(select);
  });
});
