import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale, type Locale } from '@/lib/i18n';
import { policyFacts } from '../policy-facts';
import { PrivacyPolicy, preloadPrivacyPolicy, privacyPolicyEnglish } from './privacy-policy';
import { TermsOfService, preloadTermsOfService, termsOfServiceEnglish } from './terms-of-service';

type Translated = Exclude<Locale, 'en'>;

const titles: Record<Translated, { privacy: string; terms: string; month: string; steps: string[] }> = {
  de: {
    privacy: 'Datenschutzerklärung',
    terms: 'Nutzungsbedingungen',
    month: 'Mai 2026',
    steps: [
      'Einstellungen und Datenschutz',
      'Sicherheit und Anmeldung',
      'Apps verwalten',
      'Content Studio Pro',
      'Trennen',
    ],
  },
  fr: {
    privacy: 'Politique de confidentialité',
    terms: 'Conditions d’utilisation',
    month: 'mai 2026',
    steps: [
      'Paramètres et confidentialité',
      'Sécurité et connexion',
      'Gérer les applications',
      'Content Studio Pro',
      'Déconnecter',
    ],
  },
  es: {
    privacy: 'Política de privacidad',
    terms: 'Términos del servicio',
    month: 'mayo de 2026',
    steps: [
      'Ajustes y privacidad',
      'Seguridad e inicio de sesión',
      'Administrar apps',
      'Content Studio Pro',
      'Desconectar',
    ],
  },
  'pt-BR': {
    privacy: 'Política de Privacidade',
    terms: 'Termos de Serviço',
    month: 'maio de 2026',
    steps: ['Configurações e privacidade', 'Segurança e login', 'Gerenciar apps', 'Content Studio Pro', 'Desconectar'],
  },
};

const documents = [
  { name: 'privacy', page: <PrivacyPolicy />, english: privacyPolicyEnglish, preload: preloadPrivacyPolicy },
  { name: 'terms', page: <TermsOfService />, english: termsOfServiceEnglish, preload: preloadTermsOfService },
] as const;

const cases = (Object.keys(titles) as Translated[]).flatMap((locale) =>
  documents.map((document) => ({ locale, ...document })),
);

/** As the router does: the page is shown once its translation is in. */
async function renderIn(locale: Locale, page: ReactElement, preload: () => Promise<void> = preloadPrivacyPolicy) {
  await setLocale(locale, { remember: false });
  await preload();
  const user = userEvent.setup();
  render(<MemoryRouter initialEntries={['/legal']}>{page}</MemoryRouter>);
  return user;
}

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

// First in the file: the translations are kept once loaded, and this one must not be yet.
describe('switching the language on a policy page', () => {
  it('loads that translation and shows it in place of the English', async () => {
    await renderIn('en', <TermsOfService />);
    expect(screen.getByRole('heading', { level: 1, name: 'Terms of Service' })).toBeTruthy();

    await act(() => setLocale('es', { remember: false }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Términos del servicio' })).toBeTruthy();
  });
});

describe('a policy in another language', () => {
  it.each(cases)('$locale $name: translated, with the notice that the English is authoritative first', async (c) => {
    await renderIn(c.locale, c.page, c.preload);

    const title = titles[c.locale][c.name];
    const article = (await screen.findByRole('heading', { level: 1, name: title })).closest('article');
    expect(article?.getAttribute('lang')).toBeNull();
    expect(document.documentElement.lang).toBe(c.locale);
    const notice = article?.firstElementChild;
    expect(notice?.getAttribute('role')).toBe('note');
    expect(notice?.getAttribute('lang')).toBe(c.locale);
    expect(
      within(notice as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('/legal?lang=en');
    // The same facts as the English: the date, the contact, the sections (so their links keep working).
    expect(text(article?.querySelector('time') ?? null)).toBe(titles[c.locale].month);
    expect(screen.getAllByRole('link', { name: policyFacts.contactEmail })[0]?.getAttribute('href')).toBe(
      `mailto:${policyFacts.contactEmail}`,
    );
    expect([...(article?.querySelectorAll('section[id]') ?? [])].map((section) => section.id)).toEqual(
      c.english.sections.map((section) => section.id),
    );
    const steps = article?.querySelector('ol.legal__steps');
    expect([...(steps?.querySelectorAll('li') ?? [])].map(text)).toEqual(titles[c.locale].steps);
    expect(text(article ?? null)).not.toMatch(/Last updated|In short|TikTok permissions/);
  });

  it.each(cases)('$locale $name: links to the English original, shown as English, and back', async (c) => {
    const user = await renderIn(c.locale, c.page, c.preload);
    const notice = (await screen.findByRole('heading', { level: 1, name: titles[c.locale][c.name] }))
      .closest('article')
      ?.querySelector('[role="note"]') as HTMLElement;

    await user.click(within(notice).getByRole('link'));

    const original = screen.getByRole('heading', { level: 1, name: c.english.title }).closest('article');
    expect(original?.getAttribute('lang')).toBe('en');
    expect(text(original)).toContain(`Last updated: ${policyFacts.lastUpdated}`);
    expect(within(original as HTMLElement).getByRole('list', { name: 'Steps in the TikTok app' }).textContent).toBe(
      policyFacts.tiktokDisconnectSteps.join(''),
    );
    // Still told in the reader's own language which text this is, with the way back.
    const back = original?.querySelector('[role="note"]') as HTMLElement;
    expect(back.getAttribute('lang')).toBe(c.locale);
    await user.click(within(back).getByRole('link'));
    expect(await screen.findByRole('heading', { level: 1, name: titles[c.locale][c.name] })).toBeTruthy();
  });

  it('says the privacy policy’s facts in each language: the scopes, the host and the ages', async () => {
    for (const locale of Object.keys(titles) as Translated[]) {
      await renderIn(locale, <PrivacyPolicy />);
      await screen.findByRole('heading', { level: 1, name: titles[locale].privacy });
      expect(screen.getAllByRole('term').map((term) => term.textContent)).toEqual([...policyFacts.scopes]);
      const body = text(document.body);
      expect(body).toContain(`${policyFacts.host.region}`);
      expect(body).toMatch(new RegExp(`${policyFacts.minimumAge}\\D.*${policyFacts.minimumAgeWhereRequired}\\D`));
      expect(body).toContain('HSTS');
      document.body.innerHTML = '';
    }
  });
});

describe('a policy in English', () => {
  it('is the original alone, with no notice', async () => {
    await renderIn('en', <PrivacyPolicy />);

    const article = screen.getByRole('heading', { level: 1, name: 'Privacy Policy' }).closest('article');
    expect(article?.querySelector('[role="note"]')).toBeNull();
    expect(article?.getAttribute('lang')).toBeNull();
  });
});
