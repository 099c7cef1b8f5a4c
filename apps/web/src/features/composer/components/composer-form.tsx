import { MAX_TITLE_LENGTH, MAX_VIDEO_BYTES, type CreatorInfo, type UploadMode } from '@content-studio/contract';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import {
  BRANDED_CONTENT_NOT_PRIVATE,
  DISCLOSURE_NEEDS_CHOICE,
  EMPTY_FIELDS,
  PROCESSING_NOTICE,
  captionTooLong,
  disclosureIncomplete,
  isBranded,
  looksUnaudited,
  toPostSettings,
  type ComposerFields,
  type ComposerSubmission,
} from '../composer-schema';
import {
  MAX_DRAFT_DURATION_SEC,
  checkVideoFile,
  checkVideoMetadata,
  formatDuration,
  normalizeVideoFile,
  type VideoMetadata,
  type VideoProblem,
} from '../video-checks';
import { formatBytes } from '../../../lib/format-bytes';
import { CaptionField } from './caption-field';
import { CommercialDisclosure } from './commercial-disclosure';
import { CreatorBadge } from './creator-badge';
import { DraftNotice } from './draft-notice';
import { InteractionSettings } from './interaction-settings';
import { ModeSwitch } from './mode-switch';
import { PostDeclaration } from './post-declaration';
import { PrivacyLevelSelect } from './privacy-level-select';
import { SwitchField } from './switch-field';
import { UnauditedNotice } from './unaudited-notice';
import { VideoPicker, VideoProblems } from './video-picker';
import { VideoPreview, type CoverControl } from './video-preview';
import './composer-form.css';

export type ComposerFormProps = {
  /**
   * Fresh creator info (privacy options, interaction settings, longest video). Undefined when it
   * cannot be had (the creator did not grant video.publish): then only drafts can be sent.
   */
  creatorInfo: CreatorInfo | undefined;
  /** Why a mode cannot be used right now (a missing permission, say); null when it can. */
  unavailable: Record<UploadMode, string | null>;
  /** A post was refused because TikTok has not audited this app yet (UNAUDITED_APP_RESTRICTION). */
  unauditedRestriction?: boolean;
  /**
   * Whether TikTok has audited this app, as its operator configured the proxy (undefined while not
   * known). Unaudited, the notice shows before the first post and only "Only me" is offered.
   */
  appAudited?: boolean | undefined;
  /**
   * Called only when the creator presses Post / Send draft, with a valid submission; the route
   * passes the upload engine's `enqueue`. The form resets for the next video once it resolves, and
   * shows the error's message if it rejects.
   */
  onSubmit: (submission: ComposerSubmission) => unknown;
};

type PickedVideo = {
  /** Keys the preview, so every pick starts with a fresh player and a fresh metadata read. */
  id: number;
  file: File;
  /** Type or size problems: the file is refused, no preview is made. */
  fileProblems: VideoProblem[];
  metadata: { status: 'reading' } | { status: 'read'; value: VideoMetadata } | { status: 'unreadable' };
};

/**
 * The compose screen TikTok's auditors judge (api-spec §4). Nothing is sent anywhere from here: the
 * video stays in the browser (preview from an object URL) until the creator presses the button,
 * and then it only goes to `onSubmit`. Every rule the button waits for is listed beside it, in words,
 * and is the button's description and tooltip.
 */
export function ComposerForm({ creatorInfo, unavailable, unauditedRestriction = false, appAudited, onSubmit }: ComposerFormProps) {
  const directReason = unavailable.direct ?? (creatorInfo ? null : 'Loading your TikTok posting settings…');
  const reasons: Record<UploadMode, string | null> = { direct: directReason, draft: unavailable.draft };
  const [chosenMode, setChosenMode] = useState<UploadMode>(() => (reasons.direct && !reasons.draft ? 'draft' : 'direct'));
  // If the chosen mode stops being available (creator info failed, say), fall back to the other.
  const mode: UploadMode =
    reasons[chosenMode] && !reasons[otherMode(chosenMode)] ? otherMode(chosenMode) : chosenMode;
  const direct = mode === 'direct' && creatorInfo !== undefined;

  const [video, setVideo] = useState<PickedVideo | null>(null);
  const [fields, setFields] = useState<ComposerFields>(EMPTY_FIELDS);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const nextVideoId = useRef(1);
  const pickerRef = useRef<HTMLInputElement>(null);
  const videoHeadingId = useId();
  const detailsHeadingId = useId();
  const problemsId = useId();
  const unreadableId = useId();
  const blockersId = useId();

  const update = (change: Partial<ComposerFields>) => setFields((current) => ({ ...current, ...change }));

  // ── The video ──────────────────────────────────────────────────────────────────────────────────
  const metadata = video?.metadata.status === 'read' ? video.metadata.value : null;
  const metadataProblems = metadata
    ? checkVideoMetadata(metadata, { mode, maxDirectDurationSec: creatorInfo?.maxVideoPostDurationSec })
    : [];
  const problems = video ? [...video.fileProblems, ...metadataProblems] : [];
  const unreadable = video?.metadata.status === 'unreadable';
  const durationSec = metadata?.durationSec ?? null;
  const cover: CoverControl | null =
    direct && durationSec !== null
      ? {
          maxMs: coverMaxMs(durationSec),
          valueMs: Math.min(fields.coverTimestampMs ?? 0, coverMaxMs(durationSec)),
          onChange: (ms) => update({ coverTimestampMs: ms }),
        }
      : null;

  function pick(picked: File) {
    const file = normalizeVideoFile(picked);
    const fileProblems = checkVideoFile(file);
    setVideo({ id: nextVideoId.current++, file, fileProblems, metadata: { status: 'reading' } });
    update({ coverTimestampMs: null });
    setSubmitError(null);
    setAnnouncement('');
  }

  function onMetadata(id: number, value: VideoMetadata | null) {
    setVideo((current) =>
      current?.id === id
        ? { ...current, metadata: value ? { status: 'read', value } : { status: 'unreadable' } }
        : current,
    );
  }

  // ── What the button waits for ──────────────────────────────────────────────────────────────────
  // TikTok's Content Sharing Guidelines restrict an unaudited app's posts to SELF_ONLY; whether TikTok
  // refuses another audience or silently makes it private is not documented. Offering only "Only me"
  // (still chosen by the creator, never preselected) is right under both readings.
  const privacyOptions =
    appAudited === false ? (creatorInfo?.privacyLevelOptions.filter((level) => level === 'SELF_ONLY') ?? []) : (creatorInfo?.privacyLevelOptions ?? []);
  const privacyLevel =
    creatorInfo && fields.privacyLevel !== '' && privacyOptions.includes(fields.privacyLevel)
      ? fields.privacyLevel
      : '';
  const blockers: string[] = [];
  const modeReason = reasons[mode];
  if (modeReason) blockers.push(modeReason);
  if (!video) blockers.push('Choose a video first.');
  else if (problems.length > 0) blockers.push('Choose another video: this one doesn’t meet TikTok’s requirements (see above).');
  else if (video.metadata.status === 'reading') blockers.push('Checking your video…');
  if (direct) {
    if (privacyLevel === '') blockers.push('Choose who can see this video.');
    if (disclosureIncomplete(fields)) blockers.push(DISCLOSURE_NEEDS_CHOICE);
    if (isBranded(fields) && privacyLevel === 'SELF_ONLY') blockers.push(BRANDED_CONTENT_NOT_PRIVATE);
    if (captionTooLong(fields.title)) blockers.push(`Shorten the caption to ${MAX_TITLE_LENGTH} characters or fewer.`);
  }
  if (submitting) blockers.push('Adding your video to the uploads…');
  const blocked = blockers.length > 0;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blocked || !video) return;
    const { file } = video;
    setSubmitting(true);
    setSubmitError(null);
    try {
      const submission: ComposerSubmission =
        direct && creatorInfo
          ? {
              file,
              mode: 'direct',
              post: toPostSettings(
                { ...fields, privacyLevel, coverTimestampMs: cover ? cover.valueMs : null },
                creatorInfo,
              ),
              creatorUsername: creatorInfo.username,
            }
          : { file, mode: 'draft', ...(creatorInfo ? { creatorUsername: creatorInfo.username } : {}) };
      await onSubmit(submission);
      // Ready for the next video; the queue below follows this one.
      setVideo(null);
      setFields(EMPTY_FIELDS);
      setAnnouncement(`“${file.name}” was added to your uploads. You can choose the next video.`);
      pickerRef.current?.focus();
    } catch (error) {
      setSubmitError(
        error instanceof Error && error.message
          ? error.message
          : 'The video could not be added to your uploads. Please try again.',
      );
    } finally {
      setSubmitting(false);
    }
  }

  const maxDurationSec = mode === 'draft' ? MAX_DRAFT_DURATION_SEC : creatorInfo?.maxVideoPostDurationSec;
  const requirements = [
    'MP4, MOV or WebM',
    `up to ${formatBytes(MAX_VIDEO_BYTES)}`,
    maxDurationSec === undefined ? null : `up to ${formatDuration(maxDurationSec)} long`,
    '360–4096 px on each side',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <form className="composer" noValidate aria-label="New TikTok post" onSubmit={(event) => void submit(event)}>
      <div className="composer__intro">
        {creatorInfo ? <CreatorBadge info={creatorInfo} mode={mode} /> : null}
        <ModeSwitch mode={mode} onChange={setChosenMode} unavailable={reasons} />
      </div>

      {direct && (appAudited === false || unauditedRestriction || looksUnaudited(creatorInfo)) ? <UnauditedNotice /> : null}

      <div className="composer__columns">
        <section className="composer__section composer__media" aria-labelledby={videoHeadingId}>
          <h2 id={videoHeadingId} className="composer__heading">
            Video
          </h2>
          {video && video.fileProblems.length === 0 ? (
            <VideoPreview
              key={video.id}
              file={video.file}
              onMetadata={(value) => onMetadata(video.id, value)}
              cover={cover}
            />
          ) : null}
          <VideoPicker
            onPick={pick}
            hasVideo={video !== null && video.fileProblems.length === 0}
            requirements={requirements}
            inputRef={pickerRef}
            describedBy={[problems.length > 0 ? problemsId : null, unreadable ? unreadableId : null]
              .filter(Boolean)
              .join(' ') || undefined}
          />
          <VideoProblems id={problemsId} problems={problems} />
          {unreadable ? (
            <p id={unreadableId} className="composer-note">
              This browser can't read this video's length or picture size (it may use a codec the browser can't play),
              so it couldn't be checked here. You can still send it: TikTok checks it and the upload will say if it
              doesn't fit.
            </p>
          ) : null}
        </section>

        <section className="composer__section composer__details" aria-labelledby={detailsHeadingId}>
          <h2 id={detailsHeadingId} className="composer__heading">
            Post details
          </h2>
          {direct && creatorInfo ? (
            <>
              <CaptionField value={fields.title} onChange={(title) => update({ title })} />
              <PrivacyLevelSelect
                options={privacyOptions}
                value={privacyLevel}
                onChange={(level) => update({ privacyLevel: level })}
                brandedContent={isBranded(fields)}
              />
              <InteractionSettings info={creatorInfo} values={fields} onChange={update} />
              <CommercialDisclosure fields={{ ...fields, privacyLevel }} onChange={update} />
              <SwitchField
                label="AI-generated content"
                description="Turn this on if this video was made or substantially edited with AI. TikTok labels it “Creator labeled as AI-generated”."
                checked={fields.isAigc}
                onChange={(isAigc) => update({ isAigc })}
              />
            </>
          ) : mode === 'draft' ? (
            <DraftNotice />
          ) : (
            <p className="composer-hint">The post settings appear here once your TikTok account's options have loaded.</p>
          )}
        </section>
      </div>

      <div className="composer__submit">
        {direct ? <PostDeclaration brandedContent={isBranded(fields)} /> : null}
        <Button
          type="submit"
          variant="primary"
          size="lg"
          className="composer__post"
          aria-disabled={blocked || undefined}
          aria-describedby={blocked ? blockersId : undefined}
          title={blocked ? blockers.join(' ') : undefined}
        >
          {mode === 'direct' ? 'Post' : 'Send draft'}
        </Button>
        {blocked ? (
          <ul id={blockersId} className="composer__blockers" aria-label="Before you can send">
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        ) : null}
        <p className="composer-hint">
          {direct
            ? PROCESSING_NOTICE
            : 'After it is sent, open the TikTok app and tap the inbox notification to finish your post.'}
        </p>
        {submitError ? (
          <p className="composer-error" role="alert">
            {submitError}
          </p>
        ) : null}
        <output className="visually-hidden">{announcement}</output>
      </div>
    </form>
  );
}

function otherMode(mode: UploadMode): UploadMode {
  return mode === 'direct' ? 'draft' : 'direct';
}

/** The last whole tenth of a second before the end: TikTok falls back to the first frame for a cover past it. */
function coverMaxMs(durationSec: number): number {
  return Math.max(0, Math.ceil(durationSec * 10) * 100 - 100);
}
