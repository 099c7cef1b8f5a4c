import type { ReactNode } from 'react';
import { policyFacts } from '../policy-facts';
import './legal-document.css';

export type LegalSection = {
  /** Fragment id, so a section can be linked to directly. */
  id: string;
  title: string;
  body: ReactNode;
};

export type LegalDocumentProps = {
  title: string;
  intro: ReactNode;
  summary: ReactNode[];
  sections: LegalSection[];
};

/** Shared frame of the Privacy Policy and the Terms: title, date, a plain summary, contents, text. */
export function LegalDocument({ title, intro, summary, sections }: LegalDocumentProps) {
  return (
    <article className="legal" aria-labelledby="legal-title">
      <div className="legal__header">
        <p className="legal__eyebrow">{policyFacts.productName}</p>
        <h1 id="legal-title" className="legal__title">
          {title}
        </h1>
        <p className="legal__updated">
          Last updated: <time dateTime={policyFacts.lastUpdatedIso}>{policyFacts.lastUpdated}</time>
        </p>
        <div className="legal__intro">{intro}</div>
      </div>

      <section className="legal__summary" aria-labelledby="legal-summary-title">
        <h2 id="legal-summary-title" className="legal__summary-title">
          In short
        </h2>
        <ul>
          {summary.map((point, index) => (
            <li key={index}>{point}</li>
          ))}
        </ul>
      </section>

      <nav className="legal__toc" aria-label="On this page">
        <p className="legal__toc-title" aria-hidden="true">
          On this page
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
