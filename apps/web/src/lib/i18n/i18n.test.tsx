import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { formatBytes } from '@/lib/format-bytes';
import { LOCALE_STORAGE_KEY, RichText, activeLocale, initialLocale, pickLocale, setLocale, t, useT } from '.';
import { catalogPartOf } from './catalog-parts';

afterEach(async () => {
  await setLocale('en', { remember: false });
});

describe('choosing the language', () => {
  it('takes the first browser language the app speaks, by language alone', () => {
    expect(pickLocale(['de-AT', 'en-US'])).toBe('de');
    expect(pickLocale(['it-IT', 'fr-CA', 'de'])).toBe('fr');
    expect(pickLocale(['pt-PT'])).toBe('pt-BR');
    expect(pickLocale(['es-419'])).toBe('es');
    expect(pickLocale(['ja', 'zh-Hant'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });

  it("prefers this tab's earlier choice over the browser's languages", () => {
    sessionStorage.setItem(LOCALE_STORAGE_KEY, 'es');
    expect(initialLocale()).toBe('es');
    sessionStorage.setItem(LOCALE_STORAGE_KEY, 'klingon');
    expect(initialLocale()).toBe(pickLocale(navigator.languages));
  });

  it('loads a language on demand, switches to it, sets <html lang> and remembers it in the tab', async () => {
    expect(t('shell.language')).toBe('Language');
    expect(document.documentElement.lang).toBe('en');

    await setLocale('de');

    expect(activeLocale()).toBe('de');
    expect(t('shell.language')).toBe('Sprache');
    expect(document.documentElement.lang).toBe('de');
    expect(sessionStorage.getItem(LOCALE_STORAGE_KEY)).toBe('de');
    expect(localStorage.length).toBe(0);
  });

  it("switches the studio's part of the catalog too, once a page has asked for it", async () => {
    await setLocale('es');

    expect(t('landing.howTitle')).toBe('Cómo funciona');
    expect(t('upload.cancel')).toBe('Cancelar');
  });

  it("keeps the landing page's texts in the shell part and everything else in the app part", () => {
    expect(['shell.language', 'notFound.title', 'landing.lede', 'connect.label'].map(catalogPartOf)).toEqual([
      'shell',
      'shell',
      'shell',
      'shell',
    ]);
    expect(['composer.post', 'upload.title', 'legal.loading', 'api.unreachable'].map(catalogPartOf)).toEqual([
      'app',
      'app',
      'app',
      'app',
    ]);
  });

  it('fails loudly in tests on a message nobody wrote', () => {
    // @ts-expect-error -- not a key of the English catalog, which is the point
    expect(() => t('shell.noSuchMessage')).toThrow(/No "en" message "shell.noSuchMessage"/);
  });
});

describe('the switcher', () => {
  function Probe() {
    const text = useT();
    return <p>{text('shell.privacyLink')}</p>;
  }

  it('re-renders what is on screen in the chosen language, and lists each language in its own words', async () => {
    const user = userEvent.setup();
    render(
      <>
        <LanguageSwitcher />
        <Probe />
      </>,
    );
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(screen.getAllByRole('option').map((option) => [option.textContent, option.getAttribute('lang')])).toEqual([
      ['English', 'en'],
      ['Deutsch', 'de'],
      ['Français', 'fr'],
      ['Español', 'es'],
      ['Português (Brasil)', 'pt-BR'],
    ]);

    await user.selectOptions(select, 'fr');

    expect(await screen.findByText('Politique de confidentialité')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Langue' })).toBe(select);
    expect(document.documentElement.lang).toBe('fr');
  });
});

describe('rich messages', () => {
  it('puts the markup where the translation has it', async () => {
    render(<RichText id="notFound.text" values={{ path: '/x' }} components={{ 0: <code /> }} />);
    expect(document.querySelector('code')?.textContent).toBe('/x');
    await act(() => setLocale('de'));
    expect(document.body.textContent).toMatch(/^Unter \/x gibt es keine Seite/);
    expect(document.querySelector('code')?.textContent).toBe('/x');
  });
});

describe('sizes', () => {
  it('writes decimal sizes with the language’s digits and units', () => {
    expect([999, 45_600, 12_500_000, 4_000_000_000].map((bytes) => formatBytes(bytes, 'en'))).toEqual([
      '999 B',
      '45.6 kB',
      '12.5 MB',
      '4 GB',
    ]);
    expect(formatBytes(45_600, 'de')).toBe('45,6 kB');
    expect([999, 12_500_000].map((bytes) => formatBytes(bytes, 'fr'))).toEqual(['999\u202fo', '12,5\u202fMo']);
    expect(formatBytes(1_500_000_000, 'pt-BR')).toBe('1,5 GB');
  });

  it('follows the active language by default', async () => {
    await setLocale('fr');
    expect(formatBytes(4_000_000_000)).toBe('4\u202fGo');
  });
});
