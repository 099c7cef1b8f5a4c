import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { AccessTokenSource } from '@/lib/access-token-source';
import { mockCreatorInfo } from '@/mocks/handlers/creator-info';
import { ComposerForm, type ComposeTarget, type ComposerFormProps } from './components/composer-form';
import type { ComposerSubmission } from './composer-schema';
import type { VideoFacts, VideoRead } from './media/video-facts';
import { fakeFacts, pendingReads, settleRead } from './testing/fake-container-reader';

/** Tests only. Shared set-up for the composer's component tests. */

export const TEST_ACCESS_TOKEN = 'act.composer-test';

/** Authed calls in these tests carry a fixed token; no session machinery is involved. */
export const testAccessTokens: AccessTokenSource = {
  getAccessToken: async () => TEST_ACCESS_TOKEN,
  rejected: () => undefined,
};

/** The one account's form, as the composer renders it for a creator with a single account. */
export type OneAccountFormProps = Pick<ComposerFormProps, 'appAudited'> &
  Partial<Pick<ComposeTarget, 'creatorInfo' | 'unavailable' | 'unauditedRestriction'>> & {
    onSubmit?: (submission: ComposerSubmission) => unknown;
  };

export function renderComposerForm(props: OneAccountFormProps = {}) {
  const onSubmit = vi.fn<(submission: ComposerSubmission) => Promise<string>>(async () => 'job-1');
  const submit = props.onSubmit ?? onSubmit;
  const creatorInfo = 'creatorInfo' in props ? props.creatorInfo : mockCreatorInfo;
  // applyAccept off: a creator can always pick "All files" in the dialog, and drop anything.
  const user = userEvent.setup({ applyAccept: false });
  const target: ComposeTarget = {
    id: 'open-id-mock-creator',
    name: creatorInfo?.nickname ?? 'Mock Creator',
    creatorInfo,
    unavailable: props.unavailable ?? { direct: null, draft: null },
    unauditedRestriction: props.unauditedRestriction ?? false,
  };
  const view = render(
    <ComposerForm targets={[target]} appAudited={props.appAudited} onSubmit={(submission) => submit(submission)} />,
  );
  return { ...view, user, onSubmit: (props.onSubmit as typeof onSubmit | undefined) ?? onSubmit };
}

/** The first bytes of each container, so the content check (media/container-sniff.ts) sees a real header. */
const HEADERS: Record<string, number[]> = {
  mp4: [0, 0, 0, 0x18, ...ascii('ftypisom'), 0, 0, 2, 0, ...ascii('isomiso2')],
  mov: [0, 0, 0, 0x14, ...ascii('ftypqt  '), 0, 0, 2, 0, ...ascii('qt  ')],
  webm: [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, ...ascii('webm')],
};

function ascii(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0));
}

/**
 * A file that starts like the container its name says (.mp4, .mov, .webm); any other name gets
 * bytes that are no video. `content` overrides what the name would choose.
 */
export function videoFile(
  name = 'clip.mp4',
  type = 'video/mp4',
  { size, content }: { size?: number; content?: 'mp4' | 'mov' | 'webm' | 'text' } = {},
): File {
  const kind = content ?? name.split('.').pop()?.toLowerCase() ?? '';
  const bytes = new Uint8Array(2048);
  bytes.set(HEADERS[kind] ?? ascii('%PDF-1.7 not a video'));
  const file = new File([bytes], name, { type });
  // Multi-gigabyte files cannot be made in a test; only the size the browser reports matters.
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
}

export type FakeMetadata = { duration: number; width?: number; height?: number } & Partial<
  Omit<VideoFacts, 'durationSec'>
>;

/** Waits for the form to ask for the container's read, then answers it (the latest one asked). */
export async function answerRead(answer: VideoRead | ((facts: VideoFacts) => VideoRead)): Promise<void> {
  await vi.waitFor(() => {
    if (pendingReads().length === 0) throw new Error('the form has not asked to read the video');
  });
  const reads = pendingReads();
  const latest = reads[reads.length - 1];
  if (!latest) return;
  const read = typeof answer === 'function' ? answer(fakeFacts(latest.sniffed)) : answer;
  await act(async () => settleRead(latest, read));
}

/** What the container says: a clip of this length and size (H.264, 30 fps unless told otherwise). */
export async function loadMetadata({ duration, ...rest }: FakeMetadata): Promise<void> {
  await answerRead((facts) => ({ kind: 'read', facts: { ...facts, durationSec: duration, ...rest } }));
}

/** The browser cannot play the video (the container was read; the preview fails). */
export function failPreview(): void {
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
  if (metadata) await loadMetadata(metadata);
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
