import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UploadQueue as UploadQueueApi } from '../hooks/use-upload-queue';
import { videoFile } from '../testing/fake-upload-transport';
import { jobView } from '../testing/job-view';
import type { UploadJobView } from '../engine/upload-types';
import { UploadQueue } from './upload-queue';

function queueOf(jobs: UploadJobView[], overrides: Partial<UploadQueueApi> = {}): UploadQueueApi {
  return {
    owner: undefined,
    jobs,
    enqueue: vi.fn<UploadQueueApi['enqueue']>(async () => 'id'),
    cancel: vi.fn<UploadQueueApi['cancel']>(),
    dismiss: vi.fn<UploadQueueApi['dismiss']>(),
    provideFile: vi.fn<UploadQueueApi['provideFile']>(async () => ({ ok: true })),
    ...overrides,
  };
}

const originalClipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
afterEach(() => {
  if (originalClipboard) Object.defineProperty(navigator, 'clipboard', originalClipboard);
  else Reflect.deleteProperty(navigator, 'clipboard');
  Reflect.deleteProperty(document, 'execCommand');
});

describe('UploadQueue', () => {
  it('shows progress as a labelled bar with a readable description', () => {
    render(<UploadQueue queue={queueOf([jobView()])} />);
    const bar = screen.getByRole('progressbar', { name: 'Upload progress of clip.mp4' });
    expect(bar).toHaveProperty('value', 12_500_000);
    expect(bar).toHaveProperty('max', 80_000_000);
    const description = document.getElementById(bar.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('12.5 MB of 80 MB · 4.2 MB/s · about 14 s left');
    expect(screen.getByRole('heading', { name: 'clip.mp4' })).toBeTruthy();
    expect(screen.getByText('Post to profile')).toBeTruthy();
    expect(screen.getByText('Uploading part 2 of 8')).toBeTruthy();
  });

  it('announces changes of state politely, not progress', () => {
    const { rerender } = render(<UploadQueue queue={queueOf([jobView()])} />);
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    rerender(
      <UploadQueue queue={queueOf([jobView({ progress: { ...jobView().progress, sentBytes: 20_000_000 } })])} />,
    );
    expect(region.textContent).toBe('');
    rerender(<UploadQueue queue={queueOf([jobView({ state: 'processing' })])} />);
    expect(region.textContent).toBe('clip.mp4: Uploaded — TikTok is processing your video');
  });

  it('shows when and how a chunk will be retried', () => {
    const retry = {
      kind: 'chunk' as const,
      chunkIndex: 2,
      chunkCount: 8,
      attempt: 2,
      maxAttempts: 6,
      nextAttemptAt: Date.now() + 4_000,
      message: "TikTok's upload server did not answer.",
    };
    render(<UploadQueue queue={queueOf([jobView({ state: 'retrying', retry })])} />);
    expect(screen.getByText(/^Retrying chunk 3 in [34] s \(attempt 2 of 6\)$/)).toBeTruthy();
    expect(screen.getByText("TikTok's upload server did not answer.")).toBeTruthy();
  });

  it('cancels from the keyboard', async () => {
    const queue = queueOf([jobView()]);
    render(<UploadQueue queue={queue} />);
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel upload of clip.mp4' }));
    await user.keyboard('{Enter}');
    expect(queue.cancel).toHaveBeenCalledWith('job-1');
  });

  it('explains a failure and copies the diagnostics', async () => {
    const user = userEvent.setup();
    // After setup: user-event installs a clipboard stub of its own.
    const writeText = vi.fn<(text: string) => Promise<void>>(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const job = jobView({
      state: 'failed',
      failReason: 'picture_size_check_failed',
      error: { code: 'TIKTOK_REJECTED', message: 'x', tiktokLogId: 'log-2024-abc' },
    });
    const queue = queueOf([job]);
    render(<UploadQueue queue={queue} />);
    expect(
      screen.getByText(/picture is outside what TikTok accepts: each side must be 360 to 4096 pixels/),
    ).toBeTruthy();

    await user.click(screen.getByText('Details for support'));
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('Publish ID: v_pub_file~v2-1.123'));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('TikTok log ID: log-2024-abc'));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('TikTok fail reason: picture_size_check_failed'));
    expect(await screen.findByText('Copied.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Remove clip.mp4 from the list' }));
    expect(queue.dismiss).toHaveBeenCalledWith('job-1');
  });

  it('falls back to a selection copy where the clipboard API is missing', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const execCommand = vi.fn<(command: string) => boolean>(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    render(<UploadQueue queue={queueOf([jobView({ state: 'unknown' })])} />);
    await user.click(screen.getByText('Details for support'));
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(await screen.findByText('Copied.')).toBeTruthy();
  });

  it('asks for the file again and reports a different one', async () => {
    const provideFile = vi.fn<UploadQueueApi['provideFile']>(async () => ({
      ok: false,
      reason: 'That isn’t the same file as “clip.mp4”: its size is different.',
    }));
    const queue = queueOf(
      [
        jobView({
          state: 'needs-file',
          needsFileReason: 'reload-mid-upload',
          resumable: true,
          expiresAt: Date.now() + 60_000,
        }),
      ],
      {
        provideFile,
      },
    );
    render(<UploadQueue queue={queue} />);
    expect(screen.getByText(/The page was reloaded during the upload/)).toBeTruthy();
    const input = screen.getByLabelText('Choose “clip.mp4” again');
    const wrong = videoFile(10, { name: 'clip.mp4' });
    await userEvent.setup().upload(input, wrong);
    expect(provideFile).toHaveBeenCalledWith('job-1', wrong);
    expect((await screen.findByRole('alert')).textContent).toMatch(/its size is different/);
  });

  it('links a published post in a new tab and says it may take a few minutes to appear', () => {
    render(
      <UploadQueue
        queue={queueOf([
          jobView({ state: 'published', postUrl: 'https://www.tiktok.com/@ava/video/7412345678901234567' }),
        ])}
      />,
    );
    const link = screen.getByRole('link', { name: 'View on TikTok (opens in a new tab)' });
    expect(link.getAttribute('href')).toBe('https://www.tiktok.com/@ava/video/7412345678901234567');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(
      screen.getByText('After publishing, it may take a few minutes for your video to appear on your TikTok profile.'),
    ).toBeTruthy();
  });

  it('tells draft senders to finish the post in the TikTok app', () => {
    render(<UploadQueue queue={queueOf([jobView({ state: 'inbox', mode: 'draft' })])} />);
    const card = screen.getByRole('article', { name: 'clip.mp4' });
    expect(within(card).getByText(/open the notification in the TikTok app to finish the post/)).toBeTruthy();
    expect(within(card).getByText('Draft to inbox')).toBeTruthy();
  });

  it('says a cancelled upload posts nothing', () => {
    render(<UploadQueue queue={queueOf([jobView({ state: 'cancelled' })])} />);
    expect(screen.getByText(/Nothing will be posted: TikTok discards uploads that never finish/)).toBeTruthy();
  });

  it('renders only the (empty) live region when there is nothing to show', () => {
    render(<UploadQueue queue={queueOf([])} />);
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
