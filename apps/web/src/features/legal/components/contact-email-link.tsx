import { policyFacts } from '../policy-facts';

export function ContactEmailLink() {
  return <a href={`mailto:${policyFacts.contactEmail}`}>{policyFacts.contactEmail}</a>;
}
