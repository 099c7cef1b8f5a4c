import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { policyFacts } from '../policy-facts';
import { PrivacyPolicy } from './privacy-policy';

function renderPolicy() {
  render(
    <MemoryRouter>
      <PrivacyPolicy />
    </MemoryRouter>,
  );
  return document.body.textContent?.replace(/\s+/g, ' ') ?? '';
}

describe('PrivacyPolicy', () => {
  it('links the contact address as a mailto link', () => {
    renderPolicy();
    const links = screen.getAllByRole('link', { name: policyFacts.contactEmail });
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.getAttribute('href')).toBe(`mailto:${policyFacts.contactEmail}`);
  });

  it('shows the Last updated date', () => {
    const text = renderPolicy();
    expect(text).toContain(`Last updated: ${policyFacts.lastUpdated}`);
  });

  it('names exactly the three scopes', () => {
    renderPolicy();
    for (const scope of policyFacts.scopes) {
      expect(screen.getAllByText(scope, { selector: 'code' }).length).toBeGreaterThan(0);
    }
    const listed = screen.getAllByRole('term').map((term) => term.textContent);
    expect(listed).toEqual([...policyFacts.scopes]);
  });

  it('says the token lives in sessionStorage only and is discarded with the tab', () => {
    const text = renderPolicy();
    expect(text).toMatch(/sessionStorage for this tab/);
    expect(text).toMatch(/not put in local storage, cookies or any other browser database/);
    expect(text).toMatch(/discarded when you close the tab/);
  });

  it("explains how to disconnect in the app and in TikTok's Manage apps", () => {
    const text = renderPolicy();
    expect(text).toMatch(/choose Disconnect in the studio/);
    const steps = screen.getAllByRole('list', { name: 'Steps in the TikTok app' })[0];
    expect(steps?.textContent).toBe(policyFacts.tiktokDisconnectSteps.join(''));
    expect(policyFacts.tiktokDisconnectSteps).toEqual([
      'Settings and privacy',
      'Security and login',
      'Manage apps',
      'Content Studio Pro',
      'Disconnect',
    ]);
  });

  it("carries the owner's other commitments", () => {
    const text = renderPolicy();
    // What is collected, and the video promise.
    expect(text).toMatch(/display name, avatar, open id and union id/);
    expect(text).toMatch(/streamed, never written to disk, and nothing of the video is kept/);
    expect(text).toMatch(/caption.*privacy level.*interaction settings.*commercial-content disclosure/);
    // Purposes and what the data is never used for.
    expect(text).toMatch(/advertising, profiling, training AI models/);
    expect(text).toMatch(/do not sell, rent or trade/);
    // Sharing.
    expect(text).toMatch(/Render.*Frankfurt, EU/);
    expect(text).toMatch(/required by law|law requires it/);
    expect(text).toMatch(/no analytics/i);
    expect(text).toMatch(/no third-party scripts, fonts or content delivery networks/);
    // Rights, security, children, changes.
    expect(text).toMatch(/access, correct or request the deletion.*object/);
    expect(text).toMatch(/HTTPS.*HSTS/);
    expect(text).toMatch(/client secret exists only as an environment variable/);
    expect(text).toMatch(/refuses to start if any of its secrets is missing/);
    expect(text).toMatch(/under 13, or under 16/);
    expect(text).toMatch(/"Last updated" date/);
    expect(text).toMatch(/announce material changes on this website/);
  });
});
