import { MAX_VIDEO_BYTES } from '@content-studio/contract';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { nicoCreatorInfo } from '@/mocks/handlers/creator-info';
import {
  chooseVideo,
  descriptionOf,
  failMetadata,
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
    expect(fileInput().accept).toBe('video/mp4,video/quicktime,video/webm,.mp4,.mov,.webm');
    expect(descriptionOf(fileInput())).toMatch(/MP4, MOV or WebM · up to 4 GB · up to 10:00 long · 360–4096 px/);
  });

  it('takes a video dropped on the zone', () => {
    renderComposerForm();

    fireEvent.drop(screen.getByTestId('video-drop-zone'), { dataTransfer: { files: [videoFile('dropped.webm', 'video/webm')], types: ['Files'] } });

    expect(previewVideo().getAttribute('aria-label')).toBe('Preview of dropped.webm');
  });

  it('refuses a file that is not an MP4, MOV or WebM video, explaining how to fix it', async () => {
    const { user } = renderComposerForm();

    await user.upload(fileInput(), videoFile('notes.pdf', 'application/pdf'));

    expect(problems().textContent).toContain('“notes.pdf” isn\'t a video TikTok accepts (it is application/pdf).');
    expect(problems().textContent).toContain('export it from your editor as MP4');
    noPreview();
    expect(isBlocked(postButton('Post'))).toBe(true);
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

    expect(problems().textContent).toContain('This video is 1:15 long; your TikTok account can post videos up to 1:00.');
    expect(problems().textContent).toContain('Trim it to 1:00 or less in your editor.');
    expect(isBlocked(postButton('Post'))).toBe(true);
    expect(descriptionOf(fileInput())).toContain('Trim it to 1:00 or less');
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

  it("allows a video the browser can't read, with a note that TikTok will check it", async () => {
    const { user } = renderComposerForm();
    await chooseVideo(user, videoFile('hevc.mov', 'video/quicktime'), null);

    failMetadata();

    expect(screen.getByText(/can't read this video's length or picture size/).textContent).toMatch(/TikTok checks it/);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Who can see this video'), 'Friends');
    expect(isBlocked(postButton('Post'))).toBe(false);
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
    loadMetadata({ duration: 20 });

    expect(screen.queryByRole('alert')).toBeNull();
  });
});
