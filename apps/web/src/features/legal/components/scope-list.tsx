import { policyFacts, type Scope } from '../policy-facts';

/**
 * The scopes the app requests, each with what it is used for. The list itself comes from the
 * policy's facts, so the original and every translation name the same scopes in the same order;
 * only the purposes are in the page's language.
 */
export function ScopeList({ purposes }: { purposes: Record<Scope, string> }) {
  return (
    <dl className="legal__scopes">
      {policyFacts.scopes.map((scope) => (
        <div key={scope}>
          <dt>
            <code>{scope}</code>
          </dt>
          <dd>{purposes[scope]}</dd>
        </div>
      ))}
    </dl>
  );
}
