import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { policyFacts } from '../policy-facts';
import { TermsOfService } from './terms-of-service';

function renderTerms() {
  render(
    <MemoryRouter>
      <TermsOfService />
    </MemoryRouter>,
  );
  return document.body.textContent?.replace(/\s+/g, ' ') ?? '';
}

describe('TermsOfService', () => {
  it('shares the contact address and date with the privacy policy', () => {
    const text = renderTerms();
    expect(text).toContain(`Last updated: ${policyFacts.lastUpdated}`);
    expect(screen.getByRole('link', { name: policyFacts.contactEmail }).getAttribute('href')).toBe(
      `mailto:${policyFacts.contactEmail}`,
    );
    expect(screen.getByRole('link', { name: 'Privacy Policy' }).getAttribute('href')).toBe('/privacy');
  });

  it("states TikTok's content rules", () => {
    const text = renderTerms();
    expect(text).toMatch(/only your own original content/);
    expect(text).toMatch(/adds no watermarks/);
    expect(text).toMatch(/Music Usage Confirmation/);
    expect(text).toMatch(/Branded Content Policy/);
    expect(text).toMatch(/acts only on your instruction/);
    expect(text).toMatch(/without warranties/);
    expect(text).toMatch(/Disconnect/);
  });
});
