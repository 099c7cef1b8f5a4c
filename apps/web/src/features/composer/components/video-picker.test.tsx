import { MAX_VIDEO_BYTES } from '@content-studio/contract';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { nicoCreatorInfo } from '@/mocks/handlers/creator-info';
import { pendingReads } from '../testing/fake-container-reader';
import {
  answerRead,
  chooseVideo,
  descriptionOf,
  failPreview,
  fileInput,
  isBlocked,
  loadMetadata,
  postButton,
  previewVideo,
  renderComposerForm,
  videoFile,
} from '../test-utils';

const problems = () => screen.getByRole('alert');
const noPreview = () => expect(screen.queryByLabelText(/^Preview of /)).toBeNull();

describe('choosing the video: checked in the browser before any byte moves', () => {
  it('offers a labelled file input for MP4, MOV and WebM', () => {
    renderComposerForm();

    expect(fileInput().type).toBe('file');
    expect(fileInput().accept).toBe('video/mp4,video/quicktime,video/webm,.mp4,.m4v,.mov,.webm');
    expect(descriptionOf(fileInput())).toMatch(/MP4, MOV or WebM · up to 4 GB · up to 10:00 long · 360–4096 px/);
  });

  it('takes a video dropped on the zone', async () => {
    renderComposerForm();

    fireEvent.drop(screen.getByTestId('video-drop-zone'), {
      dataTransfer: { files: [videoFile('dropped.webm', 'video/webm')], types: ['Files'] },
    });
    await loadMetadata({ duration: 12 });

    expect(previewVideo().getAttribute('aria-label')).toBe('Preview of dropped.webm');
  });

  it.each([
    ['notes.pdf', 'application/pdf'],
    ['clip.mp4', 'video/mp4'],
  ])('refuses %s (%s) whose bytes are no video, by its content, without reading further', async (name, type) => {
    const { user } = renderComposerForm();

    await user.upload(fileInput(), videoFile(name, type, { content: 'text' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      `“${name}” isn't an MP4, MOV or WebM video: its contents are not a video file, whatever its name says.`,
    );
    expect(problems().textContent).toContain('export it from your editor as MP4');
    expect(pendingReads()).toEqual([]);
    noPreview();
    expect(isBlocked(postButton('Post'))).toBe(true);
  });

  it.each([
    [{ kind: 'truncated' } as const, '“clip.mp4” is incomplete: the file stops before the end of its video.'],
    [{ kind: 'no-video', hasAudio: true } as const, '“clip.mp4” has sound but no picture.'],
    [{ kind: 'unreadable' } as const, "“clip.mp4” starts like a video file, but the rest of it can't be read as one."],
  ])('refuses a file whose container reads as %o, saying so', async (read, message) => {
    const { user } = renderComposerForm();
    await user.upload(fileInput(), videoFile('clip.mp4'));

    await answerRead(read);

    expect(problems().textContent).toContain(message);
    noPreview();
    expect(isBlocked(postButton('Post'))).toBe(true);
    expect(descriptionOf(fileInput())).toContain(message);
  });

  it.each([
    [
      { videoCodec: null, videoCodecId: 'mp4v' },
      'This video is encoded with an unknown codec (“mp4v”); TikTok takes H.264, H.265 (HEVC), VP8 or VP9.',
    ],
    [{ frameRate: 15 }, 'This video plays at 15 frames per second; TikTok accepts 23 to 60.'],
  ])('refuses what TikTok does not take (%o), with the fix', async (facts, message) => {
    const { user } = renderComposerForm();

    await chooseVideo(user, videoFile(), { duration: 10, ...facts });

    expect(problems().textContent).toContain(message);
    expect(isBlocked(postButton('Post'))).toBe(true);
    expect(screen.queryByRole('region', { name: /^Cut it to/ })).toBeNull();
  });

  it('refuses a video over 4 GB', async () => {
    const { user } = renderComposerForm();

    await user.upload(fileInput(), videoFile('long-take.mp4', 'video/mp4', { size: MAX_VIDEO_BYTES + 1 }));

    expect(problems().textContent).toContain('TikTok accepts videos up to 4 GB');
    noPreview();
    expect(isBlocked(postButton('Post'))).toBe(true);
  });

  it('refuses an empty file', async () => {
    const { user } = renderComposerForm();

    await user.upload(fileInput(), videoFile('broken.mp4', 'video/mp4', { size: 0 }));

    expect(problems().textContent).toContain('“broken.mp4” is empty (0 bytes).');
    noPreview();
  });

  it("blocks a video longer than this creator's limit (nico: 1:00) and says how to fix it", async () => {
    const { user } = renderComposerForm({ creatorInfo: nicoCreatorInfo });

    await chooseVideo(user, videoFile(), { duration: 75 });

    expect(problems().textContent).toContain(
      'This video is 1:15 long; your TikTok account can post videos up to 1:00.',
    );
    expect(problems().textContent).toContain(
      'Cut it to 1:00 or less: right here in the browser (below), or in your editor.',
    );
    expect(isBlocked(postButton('Post'))).toBe(true);
    expect(descriptionOf(fileInput())).toContain('Cut it to 1:00 or less');
    expect(screen.getByRole('region', { name: 'Cut it to 1:00 here' })).toBeTruthy();
  });

  it('lets a video of exactly the limit through', async () => {
    const { user } = renderComposerForm({ creatorInfo: nicoCreatorInfo });

    await chooseVideo(user, videoFile(), { duration: 60 });

    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    [320, 240, 'This video is 320 × 240 px; TikTok needs at least 360 px on each side.'],
    [4320, 7680, 'This video is 4320 × 7680 px; TikTok accepts at most 4096 px on each side.'],
  ])('blocks a %i × %i px video, explaining the size TikTok needs', async (width, height, message) => {
    const { user } = renderComposerForm();

    await chooseVideo(user, videoFile(), { duration: 10, width, height });

    expect(problems().textContent).toContain(message);
    expect(isBlocked(postButton('Post'))).toBe(true);
  });

  it('waits for the check before Post can be used', async () => {
    const { user } = renderComposerForm();

    await chooseVideo(user, videoFile(), null);

    expect(postButton('Post').title).toContain('Checking your video…');
  });

  it("allows a video this browser can't play: shows what was read, says why there is no preview, cover by time", async () => {
    const { user, onSubmit } = renderComposerForm();
    await chooseVideo(user, videoFile('IMG_0001.mov', 'video/quicktime'), {
      duration: 42.4,
      width: 1080,
      height: 1920,
      rotation: 90,
      videoCodec: 'hevc',
      videoCodecId: 'hvc1',
    });

    failPreview();

    noPreview();
    const note = screen.getByRole('note', { name: 'No preview in this browser' });
    expect(note.textContent).toContain("This browser can't play H.265 (HEVC) video");
    expect(screen.getByTestId('video-facts').textContent).toBe('0:42 · 1080 × 1920 px · H.265 (HEVC) · 30 fps');
    expect(screen.queryByRole('alert')).toBeNull();
    const cover = screen.getByLabelText('Cover frame');
    fireEvent.change(cover, { target: { value: '3200' } });
    expect(descriptionOf(cover)).toBe('Slide to choose the moment TikTok shows as the cover: the frame at 0:03.2.');
    await user.selectOptions(screen.getByLabelText('Who can see this video'), 'Friends');
    expect(isBlocked(postButton('Post'))).toBe(false);

    await user.click(postButton('Post'));
    expect(onSubmit.mock.calls[0]?.[0].post?.coverTimestampMs).toBe(3200);
  });

  it('sends a .mov that calls itself .mp4 as what its bytes say it is (video/quicktime)', async () => {
    const { user, onSubmit } = renderComposerForm();
    await chooseVideo(user, videoFile('renamed.mp4', 'video/mp4', { content: 'mov' }));
    await user.selectOptions(screen.getByLabelText('Who can see this video'), 'Friends');

    await user.click(postButton('Post'));

    expect(onSubmit.mock.calls[0]?.[0].file.type).toBe('video/quicktime');
    expect(onSubmit.mock.calls[0]?.[0].file.name).toBe('renamed.mp4');
  });

  it('accepts a .mov the system reports without a type, as video/quicktime', async () => {
    const { user, onSubmit } = renderComposerForm();
    await chooseVideo(user, videoFile('holiday.mov', ''));
    await user.selectOptions(screen.getByLabelText('Who can see this video'), 'Friends');

    await user.click(postButton('Post'));

    expect(onSubmit.mock.calls[0]?.[0].file.type).toBe('video/quicktime');
  });

  it('previews the chosen file in a muted, inline player with controls, from an object URL', async () => {
    const { user } = renderComposerForm();

    await chooseVideo(user, videoFile('clip.mp4'));

    const video = previewVideo();
    expect(video.controls).toBe(true);
    expect(video.muted).toBe(true);
    expect(video.hasAttribute('playsinline')).toBe(true);
    expect(video.src).toMatch(/^blob:/);
  });

  it('revokes the object URL when another video is chosen and when the form goes away', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const { user, unmount } = renderComposerForm();
    await chooseVideo(user, videoFile('first.mp4'));
    const first = previewVideo().src;

    await chooseVideo(user, videoFile('second.mp4'));
    expect(revoke).toHaveBeenCalledWith(first);
    const second = previewVideo().src;
    expect(second).not.toBe(first);

    unmount();
    expect(revoke).toHaveBeenCalledWith(second);
  });

  it('reads the length again for the new video after a change', async () => {
    const { user } = renderComposerForm({ creatorInfo: nicoCreatorInfo });
    await chooseVideo(user, videoFile('long.mp4'), { duration: 90 });
    expect(screen.getByRole('alert')).toBeTruthy();

    await chooseVideo(user, videoFile('short.mp4'), null);
    expect(screen.queryByRole('alert')).toBeNull();
    await loadMetadata({ duration: 20 });

    expect(screen.queryByRole('alert')).toBeNull();
  });
});
