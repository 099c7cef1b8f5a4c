import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  BRANDED_CONTENT_NOT_PRIVATE,
  BRANDED_CONTENT_POLICY_URL,
  DISCLOSURE_NEEDS_CHOICE,
  MUSIC_USAGE_URL,
} from '../composer-schema';
import { descriptionOf, fillValidPost, isBlocked, postButton, privacySelect, renderComposerForm } from '../test-utils';

const toggle = () => screen.getByRole('switch', { name: 'Disclose commercial content' }) as HTMLInputElement;
const yourBrand = () => screen.getByRole('checkbox', { name: 'Your brand' }) as HTMLInputElement;
const brandedContent = () => screen.getByRole('checkbox', { name: 'Branded content' }) as HTMLInputElement;
const onlyMe = () => within(privacySelect()).getByRole('option', { name: 'Only me' }) as HTMLOptionElement;
const declaration = () => screen.getByText(/^By posting, you agree to TikTok's/);

// docs/requirements/tiktok-rules.md#commercial-disclosure
describe('commercial content disclosure', () => {
  it('is off by default, with its two choices hidden', () => {
    renderComposerForm();

    expect(toggle().checked).toBe(false);
    expect(descriptionOf(toggle())).toBe(
      'Turn this on if this content promotes yourself, a brand, product or service.',
    );
    expect(screen.queryByRole('checkbox', { name: 'Your brand' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Branded content' })).toBeNull();
  });

  it('shows both choices, unticked and described, when switched on', async () => {
    const { user } = renderComposerForm();

    await user.click(toggle());

    expect(yourBrand().checked).toBe(false);
    expect(descriptionOf(yourBrand())).toBe(
      "You are promoting yourself or your own business. Your video will be labeled as 'Promotional content'.",
    );
    expect(brandedContent().checked).toBe(false);
    expect(descriptionOf(brandedContent())).toBe(
      "You are promoting another brand or a third party. Your video will be labeled as 'Paid partnership'.",
    );
  });

  it('blocks Post while it is on with nothing ticked, saying exactly what is missing', async () => {
    const { user } = renderComposerForm();
    await fillValidPost(user);
    expect(isBlocked(postButton('Post'))).toBe(false);

    await user.click(toggle());

    const post = postButton('Post');
    expect(isBlocked(post)).toBe(true);
    expect(post.title).toBe(DISCLOSURE_NEEDS_CHOICE);
    expect(descriptionOf(post)).toBe(DISCLOSURE_NEEDS_CHOICE);
    expect(screen.getAllByText(DISCLOSURE_NEEDS_CHOICE).length).toBeGreaterThan(0);
    expect(DISCLOSURE_NEEDS_CHOICE).toBe(
      'You need to indicate if your content promotes yourself, a third party, or both.',
    );

    await user.click(yourBrand());

    expect(isBlocked(postButton('Post'))).toBe(false);
    expect(screen.queryByText(DISCLOSURE_NEEDS_CHOICE)).toBeNull();
  });

  it.each([
    [['Your brand'], "Your photo/video will be labeled as 'Promotional content'"],
    [['Branded content'], "Your photo/video will be labeled as 'Paid partnership'"],
    [['Your brand', 'Branded content'], "Your photo/video will be labeled as 'Paid partnership'"],
  ])('with %j ticked, says: %s', async (ticks, label) => {
    const { user } = renderComposerForm();
    await user.click(toggle());

    for (const name of ticks) await user.click(screen.getByRole('checkbox', { name }));

    const choices = screen.getByRole('group', { name: 'What does this content promote?' });
    expect(within(choices).getByRole('status').textContent).toBe(label);
  });

  it('disables "Only me" once Branded content is ticked, saying branded content cannot be private', async () => {
    const { user } = renderComposerForm();
    expect(onlyMe().disabled).toBe(false);

    await user.click(toggle());
    await user.click(brandedContent());

    expect(onlyMe().disabled).toBe(true);
    expect(onlyMe().title).toBe(BRANDED_CONTENT_NOT_PRIVATE);
    expect(descriptionOf(privacySelect())).toContain('Branded content visibility cannot be set to private.');
  });

  it('disables Branded content while "Only me" is chosen, saying why (privacy is never changed for the creator)', async () => {
    const { user } = renderComposerForm();
    await user.selectOptions(privacySelect(), 'Only me');
    await user.click(toggle());

    expect(brandedContent().disabled).toBe(true);
    expect(descriptionOf(brandedContent())).toContain(BRANDED_CONTENT_NOT_PRIVATE);
    expect(privacySelect().value).toBe('SELF_ONLY');
    expect(yourBrand().disabled).toBe(false);
  });

  it('forgets both ticks when switched off again', async () => {
    const { user } = renderComposerForm();
    await user.click(toggle());
    await user.click(brandedContent());

    await user.click(toggle());
    await user.click(toggle());

    expect(brandedContent().checked).toBe(false);
    expect(onlyMe().disabled).toBe(false);
  });
});

// docs/requirements/tiktok-rules.md#declarations
describe('the declaration above the Post button', () => {
  function links() {
    return within(declaration()).getAllByRole('link') as HTMLAnchorElement[];
  }

  it('reads "By posting, you agree to TikTok\'s Music Usage Confirmation." without commercial content', () => {
    renderComposerForm();

    expect(declaration().textContent).toBe("By posting, you agree to TikTok's Music Usage Confirmation.");
    expect(links().map((link) => [link.textContent, link.href])).toEqual([
      ['Music Usage Confirmation', MUSIC_USAGE_URL],
    ]);
  });

  it('stays the Music Usage Confirmation alone when only "Your brand" is ticked', async () => {
    const { user } = renderComposerForm();
    await user.click(toggle());
    await user.click(yourBrand());

    expect(declaration().textContent).toBe("By posting, you agree to TikTok's Music Usage Confirmation.");
  });

  it.each([[['Branded content']], [['Your brand', 'Branded content']]])(
    'adds the Branded Content Policy when %j is ticked',
    async (ticks) => {
      const { user } = renderComposerForm();
      await user.click(toggle());
      for (const name of ticks) await user.click(screen.getByRole('checkbox', { name }));

      expect(declaration().textContent).toBe(
        "By posting, you agree to TikTok's Branded Content Policy and Music Usage Confirmation.",
      );
      expect(links().map((link) => [link.textContent, link.href])).toEqual([
        ['Branded Content Policy', BRANDED_CONTENT_POLICY_URL],
        ['Music Usage Confirmation', MUSIC_USAGE_URL],
      ]);
    },
  );

  it("opens TikTok's pages in a new tab that learns nothing about this one", async () => {
    const { user } = renderComposerForm();
    await user.click(toggle());
    await user.click(brandedContent());

    for (const link of links()) {
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
      expect(descriptionOf(link)).toBe('Opens in a new tab');
    }
  });

  it('links the exact TikTok policy URLs', () => {
    expect(MUSIC_USAGE_URL).toBe('https://www.tiktok.com/legal/page/global/music-usage-confirmation/en');
    expect(BRANDED_CONTENT_POLICY_URL).toBe('https://www.tiktok.com/legal/page/global/bc-policy/en');
  });

  it('sits directly above the Post button', () => {
    renderComposerForm();

    expect(declaration().nextElementSibling?.nextElementSibling).toBe(postButton('Post'));
  });
});
