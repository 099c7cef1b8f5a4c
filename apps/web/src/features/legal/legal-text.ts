import type { ReactNode } from 'react';

export type LegalSection = {
  /** Fragment id, so a section can be linked to directly; the same in every language. */
  id: string;
  title: string;
  body: ReactNode;
};

/** One legal page in one language: the English original, or a translation of it. */
export type LegalText = {
  title: string;
  /** When the text last changed, written the way its language writes a month. */
  updated: string;
  intro: ReactNode;
  summary: ReactNode[];
  sections: LegalSection[];
  /** The frame's own words, in the text's language (an English original on a German page stays English). */
  labels: { lastUpdated: string; inShort: string; onThisPage: string };
};

/** "May 2026", "Mai 2026", "mayo de 2026": the policy's date as each language writes a month. */
export function formatPolicyMonth(iso: string, locale: string): string {
  const [year = 0, month = 1] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1),
  );
}
