import { REQUESTED_SCOPES } from '@content-studio/contract';
import { describe, expect, it } from 'vitest';
import { localizedDisconnectSteps } from './components/tiktok-disconnect-steps';
import { policyFacts, scopePurposes } from './policy-facts';

describe('policyFacts', () => {
  it("keeps the owner's contact address and date", () => {
    expect(policyFacts.contactEmail).toBe('ilias.kalalou@gmail.com');
    expect(policyFacts.lastUpdated).toBe('May 2026');
  });

  it('lists exactly the scopes the app requests, each with a purpose', () => {
    expect([...policyFacts.scopes]).toEqual(['user.info.basic', 'video.publish', 'video.upload']);
    expect(policyFacts.scopes).toBe(REQUESTED_SCOPES);
    expect(Object.keys(scopePurposes).sort()).toEqual([...REQUESTED_SCOPES].sort());
  });

  it("names TikTok's menus in the English catalog exactly as the policy does", () => {
    expect(localizedDisconnectSteps()).toEqual([...policyFacts.tiktokDisconnectSteps]);
  });
});
