import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { descriptionOf, fillValidPost, isBlocked, postButton, renderComposerForm } from '../test-utils';

const caption = () => screen.getByRole('textbox', { name: 'Caption' }) as HTMLTextAreaElement;

describe('the caption (TikTok title, ≤ 2200 UTF-16 code units)', () => {
  it('starts empty and editable, with the counter as its description', () => {
    renderComposerForm();

    expect(caption().value).toBe('');
    expect(descriptionOf(caption())).toBe('0 / 2200 characters');
  });

  it('counts UTF-16 code units, as TikTok does: an emoji counts 2', async () => {
    const { user } = renderComposerForm();

    await user.type(caption(), 'hi 👋');

    expect(descriptionOf(caption())).toBe('5 / 2200 characters');
  });

  it('highlights hashtags and mentions below the field, leaving the text as typed', async () => {
    const { user } = renderComposerForm();

    await user.type(caption(), 'Launch #studio with @ava.creates');

    const preview = screen.getByTestId('caption-preview');
    expect([...preview.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['#studio', '@ava.creates']);
    expect(preview.textContent).toBe(caption().value);
  });

  it('allows exactly 2200', async () => {
    const { user } = renderComposerForm();
    await fillValidPost(user);
    await user.click(caption());

    await user.paste('a'.repeat(2200));

    expect(caption().getAttribute('aria-invalid')).toBeNull();
    expect(isBlocked(postButton('Post'))).toBe(false);
  });

  it('blocks Post over 2200, where 2199 letters and one emoji are already too many', async () => {
    const { user } = renderComposerForm();
    await fillValidPost(user);
    await user.click(caption());

    await user.paste(`${'a'.repeat(2199)}😀`);

    expect(caption().value).toHaveLength(2201); // nothing is cut off: the creator decides what goes
    expect(caption().getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(caption())).toMatch(/^2201 \/ 2200 characters Your caption is 1 character too long/);
    expect(isBlocked(postButton('Post'))).toBe(true);
    expect(postButton('Post').title).toBe('Shorten the caption to 2200 characters or fewer.');
  });
});
