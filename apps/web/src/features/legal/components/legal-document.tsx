import type { ReactNode } from 'react';
import { policyFacts } from '../policy-facts';
import type { LegalText } from '../legal-text';
import './legal-document.css';

export type { LegalSection } from '../legal-text';

export type LegalDocumentProps = {
  text: LegalText;
  /** Set when the text is not in the page's language (the English original on a translated page). */
  lang?: string;
  /** Above everything else: on a translated page, which text is authoritative. */
  notice?: ReactNode;
};

/** Shared frame of the Privacy Policy and the Terms: title, date, a plain summary, contents, text. */
export function LegalDocument({ text, lang, notice }: LegalDocumentProps) {
  const { title, updated, intro, summary, sections, labels } = text;
  return (
    <article className="legal" aria-labelledby="legal-title" lang={lang}>
      {notice}
      <div className="legal__header">
        <p className="legal__eyebrow">{policyFacts.productName}</p>
        <h1 id="legal-title" className="legal__title">
          {title}
        </h1>
        <p className="legal__updated">
          {labels.lastUpdated} <time dateTime={policyFacts.lastUpdatedIso}>{updated}</time>
        </p>
        <div className="legal__intro">{intro}</div>
      </div>

      <section className="legal__summary" aria-labelledby="legal-summary-title">
        <h2 id="legal-summary-title" className="legal__summary-title">
          {labels.inShort}
        </h2>
        <ul>
          {summary.map((point, index) => (
            <li key={index}>{point}</li>
          ))}
        </ul>
      </section>

      <nav className="legal__toc" aria-label={labels.onThisPage}>
        <p className="legal__toc-title" aria-hidden="true">
          {labels.onThisPage}
        </p>
        <ol>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ol>
      </nav>

      <div className="legal__sections">
        {sections.map((section, index) => (
          <section key={section.id} id={section.id} className="legal__section" aria-labelledby={`${section.id}-title`}>
            <h2 id={`${section.id}-title`}>
              <span className="legal__number" aria-hidden="true">
                {String(index + 1).padStart(2, '0')}
              </span>
              {section.title}
            </h2>
            {section.body}
          </section>
        ))}
      </div>
    </article>
  );
}
