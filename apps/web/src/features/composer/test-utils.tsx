import type { CreatorInfo } from '@content-studio/contract';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { setAccessTokenSource } from '@/lib/access-token-source';
import { mockCreatorInfo } from '@/mocks/handlers/creator-info';
import { ComposerForm, type ComposerFormProps } from './components/composer-form';
import type { ComposerSubmission } from './composer-schema';

/** Tests only. Shared set-up for the composer's component tests. */

export const TEST_ACCESS_TOKEN = 'act.composer-test';

/** Authed calls in these tests carry a fixed token; no session machinery is involved. */
export function stubAccessToken(): void {
  setAccessTokenSource(async () => ({ getAccessToken: async () => TEST_ACCESS_TOKEN, rejected: () => undefined }));
}

export function renderComposerForm(props: Partial<ComposerFormProps> & { creatorInfo?: CreatorInfo | undefined } = {}) {
  const onSubmit = vi.fn<(submission: ComposerSubmission) => Promise<string>>(async () => 'job-1');
  // applyAccept off: a creator can always pick "All files" in the dialog, and drop anything.
  const user = userEvent.setup({ applyAccept: false });
  const view = render(
    <ComposerForm
      creatorInfo={'creatorInfo' in props ? props.creatorInfo : mockCreatorInfo}
      unavailable={{ direct: null, draft: null }}
      onSubmit={onSubmit}
      {...props}
    />,
  );
  return { ...view, user, onSubmit: (props.onSubmit as typeof onSubmit | undefined) ?? onSubmit };
}

export function videoFile(name = 'clip.mp4', type = 'video/mp4', { size }: { size?: number } = {}): File {
  const file = new File([new Uint8Array(2048)], name, { type });
  // Multi-gigabyte files cannot be made in a test; only the size the browser reports matters.
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
}

export type FakeMetadata = { duration: number; width?: number; height?: number };

/** What happy-dom cannot do: decode a video. Stub what the browser would read and fire the event. */
export function loadMetadata({ duration, width = 1080, height = 1920 }: FakeMetadata): HTMLVideoElement {
  const video = previewVideo();
  Object.defineProperty(video, 'duration', { configurable: true, value: duration });
  Object.defineProperty(video, 'videoWidth', { configurable: true, value: width });
  Object.defineProperty(video, 'videoHeight', { configurable: true, value: height });
  act(() => {
    video.dispatchEvent(new Event('loadedmetadata'));
  });
  return video;
}

export function failMetadata(): void {
  const video = previewVideo();
  act(() => {
    video.dispatchEvent(new Event('error'));
  });
}

export function previewVideo(): HTMLVideoElement {
  return screen.getByLabelText(/^Preview of /) as HTMLVideoElement;
}

export function fileInput(): HTMLInputElement {
  return screen.getByLabelText(/^Choose (a|another) video$/) as HTMLInputElement;
}

type User = ReturnType<typeof userEvent.setup>;

/** Picks a video with the file input and lets the "browser" read a 30 s 1080×1920 clip. */
export async function chooseVideo(user: User, file = videoFile(), metadata: FakeMetadata | null = { duration: 30 }) {
  await user.upload(fileInput(), file);
  return metadata ? loadMetadata(metadata) : null;
}

export function privacySelect(): HTMLSelectElement {
  return screen.getByLabelText('Who can see this video') as HTMLSelectElement;
}

export function postButton(name: string | RegExp = /^(Post|Send draft)$/): HTMLButtonElement {
  return screen.getByRole('button', { name }) as HTMLButtonElement;
}

export function isBlocked(button: HTMLElement): boolean {
  return button.getAttribute('aria-disabled') === 'true';
}

/** The accessible description, from the elements aria-describedby points at. */
export function descriptionOf(element: Element): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** Everything a valid Direct Post needs: a video that passes and an audience. */
export async function fillValidPost(user: User, privacy = 'Everyone') {
  await chooseVideo(user);
  await user.selectOptions(privacySelect(), privacy);
}
