// @vitest-environment node
import { parse, type Token } from '@messageformat/parser';
import { describe, expect, it } from 'vitest';
import de from './catalogs/de.json';
import en from './catalogs/en.json';
import es from './catalogs/es.json';
import fr from './catalogs/fr.json';
import ptBR from './catalogs/pt-BR.json';
import { LOCALES, type Locale } from './locales';

const catalogs: Record<Locale, Record<string, string>> = { en, de, fr, es, 'pt-BR': ptBR };
const translations = LOCALES.filter((locale) => locale !== 'en');

/**
 * What a message needs from its caller and gives its renderer: each argument with how it is used
 * (`count:plural`, `path:argument`) and each numbered tag (`<0>`), sorted. A translation must need
 * exactly what the English does, or the screen would show a raw `{count}` or drop a link.
 */
function signature(message: string, locale: Locale): string[] {
  const found = new Set<string>();
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'content':
          for (const tag of token.value.matchAll(/<(\/?)(\d+)(\/?)>/g)) found.add(tag[0]);
          break;
        case 'argument':
          found.add(`${token.arg}:argument`);
          break;
        case 'function':
          found.add(`${token.arg}:${token.key}`);
          break;
        case 'plural':
        case 'selectordinal':
        case 'select': {
          found.add(`${token.arg}:${token.type}`);
          const keys = token.cases.map((c) => c.key);
          if (!keys.includes('other')) throw new Error(`"${token.arg}" has no "other" case`);
          if (token.type !== 'select') {
            const categories = new Intl.PluralRules(locale, {
              type: token.type === 'plural' ? 'cardinal' : 'ordinal',
            }).resolvedOptions().pluralCategories;
            const stray = keys.filter((key) => !key.startsWith('=') && !categories.includes(key as never));
            if (stray.length > 0) throw new Error(`"${token.arg}" has cases ${locale} never uses: ${stray.join(', ')}`);
          }
          for (const c of token.cases) walk(c.tokens);
          break;
        }
        case 'octothorpe':
          break;
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe('the message catalogs', () => {
  it.each(translations)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LOCALES)('%s: every message is valid ICU, with plural cases the language has', (locale) => {
    const broken = Object.entries(catalogs[locale]).flatMap(([key, message]) => {
      try {
        signature(message, locale);
        return [];
      } catch (error) {
        return [`${key}: ${(error as Error).message}`];
      }
    });
    expect(broken).toEqual([]);
  });

  it.each(translations)('%s: every message takes the same arguments and tags as the English', (locale) => {
    const differing = Object.entries(en).flatMap(([key, message]) => {
      const translated = catalogs[locale][key];
      if (translated === undefined) return [];
      const want = signature(message, 'en');
      const got = signature(translated, locale);
      return JSON.stringify(want) === JSON.stringify(got) ? [] : [`${key}: ${got.join(' ')} ≠ ${want.join(' ')}`];
    });
    expect(differing).toEqual([]);
  });

  it.each(translations)('%s: no message is left blank', (locale) => {
    const blank = Object.entries(catalogs[locale]).filter(([, message]) => message.trim() === '');
    expect(blank).toEqual([]);
  });

  it('tells a broken translation from a good one', () => {
    expect(signature('{count, plural, one {# file} other {# files}} in <0>{folder}</0>', 'en')).toEqual([
      '</0>',
      '<0>',
      'count:plural',
      'folder:argument',
    ]);
    expect(() => signature('{count, plural, one {# Datei}}', 'de')).toThrow(/no "other"/);
    expect(() => signature('{count, plural, few {#} other {#}}', 'de')).toThrow(/never uses: few/);
    expect(() => signature('{count, plural, one {#', 'de')).toThrow();
  });
});
