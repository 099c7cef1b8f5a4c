import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { loadMetadata, renderComposerForm, videoFile } from '../test-utils';

/** The form in German: everything is German but TikTok's consent declaration, which stays TikTok's English. */
async function germanForm() {
  await setLocale('de', { remember: false });
  return renderComposerForm();
}

describe('the compose form in another language', () => {
  it("keeps TikTok's declaration word for word in English, marked as English, its links TikTok's", async () => {
    await germanForm();

    const declaration = document.querySelector('.post-declaration');
    expect(declaration?.getAttribute('lang')).toBe('en');
    expect(declaration?.textContent).toBe("By posting, you agree to TikTok's Music Usage Confirmation.");
    expect(document.documentElement.lang).toBe('de');
    const link = within(declaration as HTMLElement).getByRole('link', { name: 'Music Usage Confirmation' });
    // The links' description is ours, so it is in the page's language.
    expect(document.getElementById(link.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Öffnet sich in einem neuen Tab',
    );
  });

  it("names TikTok's settings as TikTok's German app does, and says what blocks the post", async () => {
    await germanForm();

    expect(screen.getByRole('form', { name: 'Neuer TikTok-Beitrag' })).toBeTruthy();
    const privacy = screen.getByLabelText('Wer dieses Video sehen kann') as HTMLSelectElement;
    expect([...privacy.options].map((option) => option.textContent)).toEqual([
      'Wähle, wer das sehen kann',
      'Alle',
      'Freunde',
      'Nur ich',
    ]);
    expect(screen.getByRole('checkbox', { name: 'Kommentare zulassen' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Kommerzielle Inhalte offenlegen' })).toBeTruthy();
    const blockers = screen.getByRole('list', { name: 'Bevor du senden kannst' });
    expect(
      within(blockers)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Wähle zuerst ein Video.', 'Wähle, wer dieses Video sehen kann.']);
    expect(screen.getByRole('button', { name: 'Posten' }).getAttribute('aria-disabled')).toBe('true');
  });

  it("adds TikTok's Branded Content Policy to the English declaration when Branded content is ticked", async () => {
    const user = userEvent.setup();
    await germanForm();

    await user.click(screen.getByRole('switch', { name: 'Kommerzielle Inhalte offenlegen' }));
    // Under the choices, and again among what blocks the post.
    expect(
      screen.getAllByText('Du musst angeben, ob dein Inhalt für dich selbst, einen Dritten oder beides wirbt.'),
    ).toHaveLength(2);
    await user.click(screen.getByRole('checkbox', { name: 'Markeninhalt' }));

    expect(screen.getByText('Dein Foto/Video wird als „Bezahlte Partnerschaft“ gekennzeichnet')).toBeTruthy();
    expect(document.querySelector('.post-declaration')?.textContent).toBe(
      "By posting, you agree to TikTok's Branded Content Policy and Music Usage Confirmation.",
    );
  });

  it('explains a refused video in that language, with its numbers written the way it writes them', async () => {
    await setLocale('fr', { remember: false });
    const { user } = renderComposerForm();

    await user.upload(screen.getByLabelText('Choisir une vidéo'), videoFile('lent.mp4'));
    await loadMetadata({ duration: 30, frameRate: 12.5 });

    const problems = screen.getByRole('alert');
    expect(problems.textContent).toContain('Cette vidéo ne peut pas encore être publiée :');
    expect(problems.textContent).toContain(
      'Cette vidéo tourne à 12,5 images par seconde ; TikTok accepte de 23 à 60. Exportez-la à nouveau à 24, 25, 30 ou 60 images par seconde.',
    );
  });
});
