import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readSignedOutReason } from '../signed-out-state';
import { SignedOutNotice } from './signed-out-notice';

describe('SignedOutNotice', () => {
  it('says plainly that a sign-in past TikTok’s refresh deadline needs connecting again, nothing worse', () => {
    const reason = readSignedOutReason({ signedOut: { reason: 'lifetime-ended' } });
    expect(reason).toEqual({ reason: 'lifetime-ended' });
    render(<SignedOutNotice reason={{ reason: 'lifetime-ended' }} manageAppsSteps={null} />);
    const notice = screen.getByRole('region', { name: 'Time to connect TikTok again' });
    expect(notice.textContent).toMatch(/only for a limited time/);
    expect(notice.textContent).toMatch(/connect again to carry on/);
  });
});
