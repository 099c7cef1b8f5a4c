import { postSettings } from '@content-studio/contract/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockCreatorInfo, piaCreatorInfo } from '@/mocks/handlers/creator-info';
import { PROCESSING_NOTICE } from '../composer-schema';
import {
  chooseVideo,
  descriptionOf,
  fileInput,
  fillValidPost,
  isBlocked,
  postButton,
  previewVideo,
  privacySelect,
  renderComposerForm,
  videoFile,
} from '../test-utils';

const box = (name: string) => screen.getByRole('checkbox', { name });
const coverSlider = () => screen.getByRole('slider', { name: 'Cover frame' }) as HTMLInputElement;

describe('the compose form', () => {
  it('shows which TikTok account receives the post: nickname, handle and avatar', () => {
    renderComposerForm();

    expect(screen.getByText('Posting to').parentElement?.textContent).toBe('Posting to Ava Public @ava.creates');
    expect(document.querySelector('img.creator-badge__avatar')?.getAttribute('src')).toBe(mockCreatorInfo.avatarUrl);
  });

  it('hands onSubmit exactly the contract PostSettings, every interaction off by default', async () => {
    const { user, onSubmit } = renderComposerForm();
    const file = videoFile('clip.mp4');
    await chooseVideo(user, file);
    await user.selectOptions(privacySelect(), 'Friends');

    await user.click(postButton('Post'));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({
      file,
      mode: 'direct',
      creatorUsername: 'ava.creates',
      post: postSettings({ privacyLevel: 'MUTUAL_FOLLOW_FRIENDS', coverTimestampMs: 0 }),
    });
  });

  it('hands onSubmit every choice exactly as made', async () => {
    const { user, onSubmit } = renderComposerForm();
    await chooseVideo(user, videoFile(), { duration: 12.34 });
    await user.type(screen.getByRole('textbox', { name: 'Caption' }), 'Launch day 🚀 #studio @friend');
    await user.selectOptions(privacySelect(), 'Everyone');
    await user.click(box('Allow Comment'));
    await user.click(box('Allow Stitch'));
    await user.click(screen.getByRole('switch', { name: 'Disclose commercial content' }));
    await user.click(box('Branded content'));
    await user.click(screen.getByRole('switch', { name: 'AI-generated content' }));
    fireEvent.change(coverSlider(), { target: { value: '3200' } });

    await user.click(postButton('Post'));

    expect(onSubmit.mock.calls[0]?.[0].post).toEqual({
      title: 'Launch day 🚀 #studio @friend',
      privacyLevel: 'PUBLIC_TO_EVERYONE',
      allowComment: true,
      allowDuet: false,
      allowStitch: true,
      brandOrganic: false,
      brandedContent: true,
      isAigc: true,
      coverTimestampMs: 3200,
    });
  });

  it('offers a cover slider over the whole video that seeks the preview', async () => {
    const { user } = renderComposerForm();
    await chooseVideo(user, videoFile(), { duration: 12.34 });

    expect(coverSlider().min).toBe('0');
    expect(coverSlider().max).toBe('12300');
    fireEvent.change(coverSlider(), { target: { value: '4500' } });

    expect(previewVideo().currentTime).toBe(4.5);
    expect(coverSlider().getAttribute('aria-valuetext')).toBe('0:04.5');
  });

  it('offers the cover by time when this browser cannot play the video, since its length comes from the file', async () => {
    const { user, onSubmit } = renderComposerForm();
    await chooseVideo(user, videoFile(), { duration: 8 });
    fireEvent.error(previewVideo());
    await user.selectOptions(privacySelect(), 'Friends');

    expect(coverSlider().getAttribute('max')).toBe('7900');
    await user.click(postButton('Post'));

    expect(onSubmit.mock.calls[0]?.[0].post?.coverTimestampMs).toBe(0);
  });

  it('sends nothing until Post is pressed', async () => {
    const { user, onSubmit } = renderComposerForm();

    await fillValidPost(user);
    await user.type(screen.getByRole('textbox', { name: 'Caption' }), 'ready{Enter}');
    await user.click(box('Allow Comment'));

    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(postButton('Post'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the disabled Post button is pressed, by click or keyboard', async () => {
    const { user, onSubmit } = renderComposerForm();
    await chooseVideo(user);

    await user.click(postButton('Post'));
    postButton('Post').focus();
    await user.keyboard('{Enter}');

    expect(isBlocked(postButton('Post'))).toBe(true);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('explains on the disabled button everything it waits for', () => {
    renderComposerForm();

    const reasons = screen.getByRole('list', { name: 'Before you can send' });
    expect(descriptionOf(postButton('Post'))).toBe(reasons.textContent);
    expect([...reasons.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Choose a video first.',
      'Choose who can see this video.',
    ]);
    expect(postButton('Post').title).toBe('Choose a video first. Choose who can see this video.');
  });

  it('says that the video may take a few minutes to appear, beside the button', () => {
    renderComposerForm();

    expect(screen.getByText(PROCESSING_NOTICE).textContent).toBe(
      'After publishing, it may take a few minutes for your video to appear on your profile.',
    );
  });

  it('resets for the next video once the post is queued', async () => {
    const { user } = renderComposerForm();
    await fillValidPost(user);
    await user.type(screen.getByRole('textbox', { name: 'Caption' }), 'first');
    await user.click(box('Allow Comment'));

    await user.click(postButton('Post'));

    await waitFor(() => expect(screen.queryByLabelText(/^Preview of /)).toBeNull());
    expect(privacySelect().value).toBe('');
    expect((screen.getByRole('textbox', { name: 'Caption' }) as HTMLTextAreaElement).value).toBe('');
    expect((box('Allow Comment') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/“clip.mp4” was added to your uploads/)).toBeTruthy();
    expect(document.activeElement).toBe(fileInput());
  });

  it('keeps everything and says why when the video could not be queued', async () => {
    const onSubmit = vi.fn<() => Promise<string>>(async () => {
      throw new Error('TikTok does not currently allow this account to post. Please try again later.');
    });
    const { user } = renderComposerForm({ onSubmit });
    await fillValidPost(user);

    await user.click(postButton('Post'));

    expect((await screen.findByRole('alert')).textContent).toMatch(/try again later/);
    expect(previewVideo()).toBeTruthy();
    expect(privacySelect().value).toBe('PUBLIC_TO_EVERYONE');
  });

  it('can be completed with the keyboard alone, in reading order', async () => {
    const { user, onSubmit } = renderComposerForm();
    await chooseVideo(user);
    const expected = [
      screen.getByRole('radio', { name: /Post now/ }),
      // (a real browser also stops at the preview player's controls here; happy-dom has none)
      coverSlider(),
      fileInput(),
      screen.getByRole('textbox', { name: 'Caption' }),
      privacySelect(),
      box('Allow Comment'),
      box('Allow Duet'),
      box('Allow Stitch'),
      screen.getByRole('switch', { name: 'Disclose commercial content' }),
      screen.getByRole('switch', { name: 'AI-generated content' }),
      screen.getByRole('link', { name: 'Music Usage Confirmation' }),
      postButton('Post'),
    ];
    document.body.focus();

    const reached: Element[] = [];
    for (const _ of expected) {
      await user.tab();
      if (document.activeElement) reached.push(document.activeElement);
    }
    expect(reached.every((element, index) => element === expected[index])).toBe(true);

    // …and used: choose the audience and post, all from the keyboard.
    privacySelect().focus();
    await user.selectOptions(privacySelect(), 'Friends');
    postButton('Post').focus();
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});

describe('sending to the TikTok inbox as a draft', () => {
  it('hides the settings TikTok ignores for drafts and explains the inbox step', async () => {
    const { user } = renderComposerForm();

    await user.click(screen.getByRole('radio', { name: /Send to TikTok inbox/ }));

    for (const name of ['Caption', 'Who can see this video', 'Allow Comment', 'Disclose commercial content']) {
      expect(screen.queryByLabelText(name)).toBeNull();
    }
    const notice = screen.getByRole('region', { name: "You'll finish this post in the TikTok app" });
    expect(notice.textContent).toMatch(/TikTok ignores the caption, who can see it, comments, duets and stitches/);
    expect(notice.textContent).toMatch(/tap the inbox notification/);
    expect(postButton('Send draft')).toBeTruthy();
    expect(screen.queryByText(/^By posting, you agree/)).toBeNull();
  });

  it('hands onSubmit the video alone, with no post settings', async () => {
    const { user, onSubmit } = renderComposerForm();
    await user.click(screen.getByRole('radio', { name: /Send to TikTok inbox/ }));
    const file = videoFile('draft.mp4');
    await chooseVideo(user, file);

    await user.click(postButton('Send draft'));

    expect(onSubmit).toHaveBeenCalledWith({ file, mode: 'draft', creatorUsername: 'ava.creates' });
  });

  it('ignores settings chosen before switching to draft', async () => {
    const { user, onSubmit } = renderComposerForm();
    await fillValidPost(user);
    await user.click(box('Allow Comment'));

    await user.click(screen.getByRole('radio', { name: /Send to TikTok inbox/ }));
    await user.click(postButton('Send draft'));

    expect(onSubmit.mock.calls[0]?.[0]).not.toHaveProperty('post');
  });

  it('measures drafts against TikTok’s 10 minutes, not the Direct Post limit', async () => {
    const { user } = renderComposerForm({ creatorInfo: { ...piaCreatorInfo, maxVideoPostDurationSec: 60 } });
    await chooseVideo(user, videoFile(), { duration: 300 });
    expect(screen.getByRole('alert').textContent).toMatch(/up to 1:00/);

    await user.click(screen.getByRole('radio', { name: /Send to TikTok inbox/ }));

    expect(screen.queryByRole('alert')).toBeNull();
    expect(isBlocked(postButton('Send draft'))).toBe(false);
  });

  it('disables a mode the creator did not grant, saying why', () => {
    renderComposerForm({ unavailable: { direct: null, draft: "You didn't allow uploading drafts (video.upload)." } });

    const draft = screen.getByRole('radio', { name: /Send to TikTok inbox/ }) as HTMLInputElement;
    expect(draft.disabled).toBe(true);
    expect(descriptionOf(draft)).toBe("You didn't allow uploading drafts (video.upload).");
  });

  it('starts in draft mode when Direct Post is not allowed', () => {
    renderComposerForm({ creatorInfo: undefined, unavailable: { direct: 'No video.publish.', draft: null } });

    expect((screen.getByRole('radio', { name: /Send to TikTok inbox/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /Post now/ }) as HTMLInputElement).disabled).toBe(true);
  });
});

describe('an app TikTok has not audited yet', () => {
  const unauditedNotice = () => screen.queryByRole('region', { name: 'TikTok limits this app for now' });

  it('explains the "Only me", private-accounts-only limit when that is all TikTok offers', () => {
    renderComposerForm({ creatorInfo: { ...piaCreatorInfo, privacyLevelOptions: ['SELF_ONLY'] } });

    const notice = unauditedNotice();
    expect(notice?.textContent).toMatch(/only allows posts visible to “Only me”, from private accounts/);
    expect(notice?.textContent).toMatch(/Switch your TikTok account to private/);
    expect(notice?.textContent).toMatch(/change the video's visibility in TikTok/);
    expect(notice?.textContent).toMatch(/Complete TikTok's audit/);
  });

  it('explains it after a post was refused with UNAUDITED_APP_RESTRICTION', () => {
    renderComposerForm({ unauditedRestriction: true });

    expect(unauditedNotice()).toBeTruthy();
  });

  it('says nothing of it for an ordinary creator of an audited app', () => {
    renderComposerForm({ appAudited: true });

    expect(unauditedNotice()).toBeNull();
  });

  it('explains it before the first post when the operator says the app is not audited, and offers only “Only me”', () => {
    renderComposerForm({ appAudited: false });

    expect(unauditedNotice()).toBeTruthy();
    const options = (within(privacySelect()).getAllByRole('option') as HTMLOptionElement[]).filter(
      (o) => o.value !== '',
    );
    expect(options.map((o) => o.textContent)).toEqual(['Only me']);
    // Still the creator's choice: nothing is preselected.
    expect((privacySelect() as HTMLSelectElement).value).toBe('');
  });
});
