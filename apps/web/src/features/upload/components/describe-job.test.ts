import { describe, expect, it } from 'vitest';
import { jobView } from '../testing/job-view';
import { describeJob } from './describe-job';
import { diagnosticsText } from './job-diagnostics';
import { formatBytes } from '@/lib/format-bytes';
import { formatDuration, formatProgress } from './format-progress';

describe('progress text', () => {
  it('reads like "12.5 MB of 80 MB · 4.2 MB/s · about 14 s left"', () => {
    expect(
      formatProgress({ sentBytes: 12_500_000, totalBytes: 80_000_000, bytesPerSecond: 4_200_000, secondsLeft: 14 }),
    ).toBe('12.5 MB of 80 MB · 4.2 MB/s · about 14 s left');
  });

  it('leaves out speed and time while they are unknown', () => {
    expect(formatProgress({ sentBytes: 0, totalBytes: 1_500_000_000, bytesPerSecond: null, secondsLeft: null })).toBe(
      '0 B of 1.5 GB',
    );
  });

  it('formats sizes and durations', () => {
    expect([999, 1_000, 45_600, 999_999_999, 4_000_000_000].map((bytes) => formatBytes(bytes))).toEqual([
      '999 B',
      '1 kB',
      '45.6 kB',
      '1 GB',
      '4 GB',
    ]);
    expect([0, 14.2, 59, 61, 3_600, 3_900].map(formatDuration)).toEqual([
      '0 s',
      '15 s',
      '59 s',
      '2 min',
      '1 h',
      '1 h 5 min',
    ]);
  });
});

describe('what a job says', () => {
  const now = 1_000_000;

  it('counts down to the next chunk attempt, numbering chunks from 1', () => {
    const job = jobView({
      state: 'retrying',
      retry: {
        kind: 'chunk',
        chunkIndex: 2,
        chunkCount: 8,
        attempt: 2,
        maxAttempts: 6,
        nextAttemptAt: now + 4_000,
        message: 'x',
      },
    });
    expect(describeJob(job, now).headline).toBe('Retrying chunk 3 in 4 s (attempt 2 of 6)');
    expect(describeJob(job, now + 1_000).headline).toBe('Retrying chunk 3 in 3 s (attempt 2 of 6)');
  });

  it('explains drafts: finish the post in the TikTok app', () => {
    expect(describeJob(jobView({ state: 'inbox', mode: 'draft' })).headline).toBe(
      'Delivered to your TikTok inbox — open the notification in the TikTok app to finish the post',
    );
  });

  it.each([
    ['file_format_check_failed', /^TikTok couldn't read this video/],
    ['duration_check_failed', /^The video is longer than TikTok allows for your account/],
    ['frame_rate_check_failed', /^TikTok accepts videos at 23 to 60 frames per second/],
    ['picture_size_check_failed', /^The video's picture is outside what TikTok accepts/],
  ])('turns TikTok’s %s into plain words with what to do, and keeps the code for support', (failReason, words) => {
    const job = jobView({ state: 'failed', failReason, publishId: 'v_pub_file~v2-1.123' });
    expect(describeJob(job)).toMatchObject({ headline: 'Failed', detail: expect.stringMatching(words) });
    expect(diagnosticsText(job)).toContain(`TikTok fail reason: ${failReason}`);
    expect(diagnosticsText(job)).toContain('Publish ID: v_pub_file~v2-1.123');
  });

  it('says a failed transfer posted nothing', () => {
    const job = jobView({
      state: 'failed',
      error: { code: 'UPLOAD_RESTART_REQUIRED', message: 'TikTok no longer accepts this upload.', tiktokLogId: null },
    });
    expect(describeJob(job).detail).toBe('TikTok no longer accepts this upload. Nothing was posted.');
  });

  it('warns that posting an unknown outcome again may duplicate it', () => {
    const text = describeJob(jobView({ state: 'unknown', mode: 'draft' }));
    expect(text.headline).toBe('Outcome unknown — check your TikTok inbox');
    expect(text.detail).toMatch(/duplicate/);
  });

  it('announces the file and its new state', () => {
    expect(
      describeJob(jobView({ state: 'published', postUrl: 'https://www.tiktok.com/@a/video/1' })).announcement,
    ).toBe('clip.mp4: Published');
  });
});
