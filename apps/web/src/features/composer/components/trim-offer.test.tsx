import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nicoCreatorInfo } from '@/mocks/handlers/creator-info';
import type { TrimOutcome, TrimRequest } from '../media/trim-video';
import type { VideoFacts } from '../media/video-facts';
import { pendingReads } from '../testing/fake-container-reader';
import {
  chooseVideo,
  isBlocked,
  loadMetadata,
  postButton,
  privacySelect,
  renderComposerForm,
  videoFile,
} from '../test-utils';

// The cut itself is mediabunny's Conversion, which needs real media (tested in Chromium by the e2e
// suite); here it is a stand-in the test drives: progress, then an outcome.
type Cut = {
  file: File;
  facts: VideoFacts;
  request: TrimRequest;
  progress: (fraction: number) => void;
  signal: AbortSignal;
  finish: (outcome: TrimOutcome) => void;
};
const cuts: Cut[] = [];
vi.mock('../media/mediabunny-trim', () => ({
  trimWithMediabunny: (
    file: File,
    facts: VideoFacts,
    request: TrimRequest,
    progress: (f: number) => void,
    signal: AbortSignal,
  ) =>
    new Promise<TrimOutcome>((finish) => {
      cuts.push({ file, facts, request, progress, signal, finish });
      signal.addEventListener('abort', () => finish({ kind: 'cancelled' }));
    }),
}));

beforeEach(() => {
  cuts.length = 0;
});

const offer = () => screen.getByRole('region', { name: 'Cut it to 1:00 here' });

async function pickTooLong() {
  const view = renderComposerForm({ creatorInfo: nicoCreatorInfo });
  await chooseVideo(view.user, videoFile('holiday.mp4'), { duration: 75.4 });
  return view;
}

async function lastCut(): Promise<Cut> {
  await vi.waitFor(() => expect(cuts.length).toBeGreaterThan(0));
  return cuts[cuts.length - 1]!;
}

describe('cutting a too-long video in the browser', () => {
  it('offers a cut to the creator’s limit from a chosen start, and says it stays on the device', async () => {
    await pickTooLong();

    expect(offer().textContent).toContain(
      'The cut is made in this browser, on your device: it is sent nowhere but to TikTok',
    );
    const start = within(offer()).getByRole('slider', { name: 'Start of the part you keep' }) as HTMLInputElement;
    expect(start.max).toBe('15400');
    expect(within(offer()).getByText('Keeps 0:00.0 to 1:00.0 of 1:16.')).toBeTruthy();
    fireEvent.change(start, { target: { value: '10000' } });
    expect(start.getAttribute('aria-valuetext')).toBe('0:10.0');
    expect(within(offer()).getByText('Keeps 0:10.0 to 1:10.0 of 1:16.')).toBeTruthy();
  });

  it('shows progress, then checks the cut like any pick, names its length and size, and posts it', async () => {
    const { user, onSubmit } = await pickTooLong();
    fireEvent.change(within(offer()).getByRole('slider'), { target: { value: '5000' } });
    await user.click(within(offer()).getByRole('button', { name: 'Cut to 1:00 in this browser' }));

    const cut = await lastCut();
    expect(cut.request).toEqual({ startSec: 5, maxLengthSec: 60 });
    expect(cut.file.name).toBe('holiday.mp4');
    cut.progress(0.42);
    await vi.waitFor(() =>
      expect((screen.getByRole('progressbar', { name: 'Cutting the video' }) as HTMLProgressElement).value).toBe(0.42),
    );

    const result = new File([new Uint8Array(3_000_000)], 'holiday (trimmed).mp4', { type: 'video/mp4' });
    // The cut's bytes start like an MP4, so the first-bytes check passes.
    result.slice = () => videoFile('x.mp4').slice(0, 64);
    cut.finish({ kind: 'done', file: result, durationSec: 60, startSec: 5 });
    await vi.waitFor(() => expect(pendingReads().length).toBe(1));
    await loadMetadata({ duration: 60 });

    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('region', { name: /^Cut it to/ })).toBeNull();
    expect(screen.getByTestId('trimmed-note').textContent).toBe(
      'This is a cut of “holiday.mp4” from 0:05.0, made in this browser: 1:00 long, 3 MB. It stays on your device until you post it, and then goes only to TikTok.',
    );
    await user.selectOptions(privacySelect(), 'Friends');
    expect(isBlocked(postButton('Post'))).toBe(false);
    await user.click(postButton('Post'));
    expect(onSubmit.mock.calls[0]?.[0].file).toBe(result);
  });

  it('cancels a cut in progress, leaving the video as it was', async () => {
    const { user } = await pickTooLong();
    await user.click(within(offer()).getByRole('button', { name: 'Cut to 1:00 in this browser' }));
    const cut = await lastCut();

    await user.click(screen.getByRole('button', { name: 'Cancel cutting' }));

    expect(cut.signal.aborted).toBe(true);
    expect(await within(offer()).findByText('Cutting cancelled. Nothing was changed.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('This video is 1:16 long');
    expect(isBlocked(postButton('Post'))).toBe(true);
  });

  it('says plainly when this browser cannot make the cut, and what to do instead', async () => {
    const { user } = await pickTooLong();
    await user.click(within(offer()).getByRole('button', { name: 'Cut to 1:00 in this browser' }));
    const cut = await lastCut();

    cut.finish({
      kind: 'cannot',
      reason:
        'There is no key frame near the start you chose, so the picture must be re-encoded, and this browser has no H.264 encoder.',
    });

    expect((await within(offer()).findByText(/^This browser can't make this cut\./)).textContent).toBe(
      "This browser can't make this cut. There is no key frame near the start you chose, so the picture must be re-encoded, and this browser has no H.264 encoder. Try a start a little later or earlier, or trim the video in your editor.",
    );
    expect(within(offer()).getByRole('button', { name: 'Cut to 1:00 in this browser' })).toBeTruthy();
  });

  it('offers no cut when the length is not the only problem (a cut cannot fix the frame rate)', async () => {
    const { user } = renderComposerForm({ creatorInfo: nicoCreatorInfo });
    await chooseVideo(user, videoFile(), { duration: 75, frameRate: 15 });

    expect(screen.queryByRole('region', { name: /^Cut it to/ })).toBeNull();
  });

  it('cuts drafts to TikTok’s 10 minutes', async () => {
    const { user } = renderComposerForm({ creatorInfo: nicoCreatorInfo });
    await user.click(screen.getByRole('radio', { name: /Send to TikTok inbox/ }));
    await chooseVideo(user, videoFile(), { duration: 700 });

    expect(screen.getByRole('region', { name: 'Cut it to 10:00 here' })).toBeTruthy();
  });
});
