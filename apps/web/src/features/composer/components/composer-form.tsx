import { MAX_TITLE_LENGTH, MAX_VIDEO_BYTES, type CreatorInfo, type UploadMode } from '@content-studio/contract';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import {
  EMPTY_FIELDS,
  captionTooLong,
  disclosureIncomplete,
  isBranded,
  looksUnaudited,
  prescribed,
  toPostSettings,
  type ComposerFields,
  type ComposerSubmission,
} from '../composer-schema';
import {
  MAX_DRAFT_DURATION_SEC,
  formatDuration,
  maxDurationSec as allowedDurationSec,
  videoProblems,
  type VideoProblem,
} from '../video-checks';
import { isApiError } from '@/lib/api-error';
import { creatorMessage } from '@/lib/api-error-text';
import { formatBytes } from '@/lib/format-bytes';
import { useT } from '@/lib/i18n';
import { CaptionField } from './caption-field';
import { CommercialDisclosure } from './commercial-disclosure';
import { CreatorBadge } from './creator-badge';
import { DraftNotice } from './draft-notice';
import { InteractionSettings } from './interaction-settings';
import { ModeSwitch } from './mode-switch';
import { PostDeclaration } from './post-declaration';
import { PrivacyLevelSelect } from './privacy-level-select';
import { SwitchField } from './switch-field';
import { TrimOffer, TrimmedNote } from './trim-offer';
import { UnauditedNotice } from './unaudited-notice';
import { VideoPicker, VideoProblems } from './video-picker';
import { usePickedVideo } from './use-picked-video';
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

/**
 * The compose screen TikTok's auditors judge (TikTok's Content Sharing Guidelines). Nothing is sent anywhere from here: the
 * video stays in the browser (preview from an object URL) until the creator presses the button,
 * and then it only goes to `onSubmit`. Every rule the button waits for is listed beside it, in words,
 * and is the button's description and tooltip.
 */
export function ComposerForm({
  creatorInfo,
  unavailable,
  unauditedRestriction = false,
  appAudited,
  onSubmit,
}: ComposerFormProps) {
  const t = useT();
  const directReason = unavailable.direct ?? (creatorInfo ? null : t('composer.loadingSettings'));
  const reasons: Record<UploadMode, string | null> = { direct: directReason, draft: unavailable.draft };
  const [chosenMode, setChosenMode] = useState<UploadMode>(() =>
    reasons.direct && !reasons.draft ? 'draft' : 'direct',
  );
  // If the chosen mode stops being available (creator info failed, say), fall back to the other.
  const mode: UploadMode = reasons[chosenMode] && !reasons[otherMode(chosenMode)] ? otherMode(chosenMode) : chosenMode;
  const direct = mode === 'direct' && creatorInfo !== undefined;

  const { video, pick: pickVideo, clear: clearVideo } = usePickedVideo();
  const [fields, setFields] = useState<ComposerFields>(EMPTY_FIELDS);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const pickerRef = useRef<HTMLInputElement>(null);
  const videoHeadingId = useId();
  const detailsHeadingId = useId();
  const problemsId = useId();
  const blockersId = useId();

  const update = (change: Partial<ComposerFields>) => setFields((current) => ({ ...current, ...change }));

  // ── The video ──────────────────────────────────────────────────────────────────────────────────
  // The container's facts decide; the file's name and reported type do not (a renamed text file is no video).
  const limits = { mode, maxDirectDurationSec: creatorInfo?.maxVideoPostDurationSec };
  const read = video?.read ?? null;
  const facts = read?.kind === 'read' ? read.facts : null;
  const problems: VideoProblem[] = video ? videoProblems(video.file, read, limits) : [];
  const allowedSec = allowedDurationSec(limits);
  // A cut fixes the length, nothing else: offered only when the length is the one problem.
  const trimmable =
    facts !== null && allowedSec !== undefined && problems.length === 1 && problems[0]?.id === 'too-long';
  const durationSec = facts?.durationSec ?? null;
  const cover: CoverControl | null =
    direct && durationSec !== null
      ? {
          maxMs: coverMaxMs(durationSec),
          valueMs: Math.min(fields.coverTimestampMs ?? 0, coverMaxMs(durationSec)),
          onChange: (ms) => update({ coverTimestampMs: ms }),
        }
      : null;

  function pick(picked: File, trimmedFrom: { name: string; startSec: number } | null = null) {
    pickVideo(picked, trimmedFrom);
    update({ coverTimestampMs: null });
    setSubmitError(null);
    setAnnouncement(trimmedFrom ? t('composer.cutReady', { file: trimmedFrom.name }) : '');
  }

  // ── What the button waits for ──────────────────────────────────────────────────────────────────
  // TikTok's Content Sharing Guidelines restrict an unaudited app's posts to SELF_ONLY; whether TikTok
  // refuses another audience or silently makes it private is not documented. Offering only "Only me"
  // (still chosen by the creator, never preselected) is right under both readings.
  const privacyOptions =
    appAudited === false
      ? (creatorInfo?.privacyLevelOptions.filter((level) => level === 'SELF_ONLY') ?? [])
      : (creatorInfo?.privacyLevelOptions ?? []);
  const privacyLevel =
    creatorInfo && fields.privacyLevel !== '' && privacyOptions.includes(fields.privacyLevel)
      ? fields.privacyLevel
      : '';
  const blockers: string[] = [];
  const modeReason = reasons[mode];
  if (modeReason) blockers.push(modeReason);
  if (!video) blockers.push(t('composer.chooseVideoFirst'));
  else if (problems.length > 0) blockers.push(t('composer.videoRefused'));
  else if (video.read === null) blockers.push(t('composer.checkingVideo'));
  if (direct) {
    if (privacyLevel === '') blockers.push(t('composer.choosePrivacy'));
    if (disclosureIncomplete(fields)) blockers.push(prescribed.disclosureNeedsChoice());
    if (isBranded(fields) && privacyLevel === 'SELF_ONLY') blockers.push(prescribed.brandedContentNotPrivate());
    if (captionTooLong(fields.title)) blockers.push(t('composer.shortenCaption', { max: MAX_TITLE_LENGTH }));
  }
  if (submitting) blockers.push(t('composer.adding'));
  const blocked = blockers.length > 0;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blocked || !video || !facts) return;
    // Labelled by its content: a .mov that the system calls "video/mp4" (or nothing) goes as what it is.
    const file =
      video.file.type === facts.mimeType
        ? video.file
        : new File([video.file], video.file.name, { type: facts.mimeType, lastModified: video.file.lastModified });
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
      clearVideo();
      setFields(EMPTY_FIELDS);
      setAnnouncement(t('composer.added', { file: file.name }));
      pickerRef.current?.focus();
    } catch (error) {
      setSubmitError(
        isApiError(error)
          ? creatorMessage(error)
          : error instanceof Error && error.message
            ? error.message
            : t('composer.addFailed'),
      );
    } finally {
      setSubmitting(false);
    }
  }

  const maxDurationSec = mode === 'draft' ? MAX_DRAFT_DURATION_SEC : creatorInfo?.maxVideoPostDurationSec;
  const requirements = [
    t('composer.req.types'),
    t('composer.req.size', { size: formatBytes(MAX_VIDEO_BYTES) }),
    maxDurationSec === undefined ? null : t('composer.req.length', { duration: formatDuration(maxDurationSec) }),
    t('composer.req.sides'),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <form className="composer" noValidate aria-label={t('composer.formLabel')} onSubmit={(event) => void submit(event)}>
      <div className="composer__intro">
        {creatorInfo ? <CreatorBadge info={creatorInfo} mode={mode} /> : null}
        <ModeSwitch mode={mode} onChange={setChosenMode} unavailable={reasons} />
      </div>

      {direct && (appAudited === false || unauditedRestriction || looksUnaudited(creatorInfo)) ? (
        <UnauditedNotice />
      ) : null}

      <div className="composer__columns">
        <section className="composer__section composer__media" aria-labelledby={videoHeadingId}>
          <h2 id={videoHeadingId} className="composer__heading">
            {t('composer.video')}
          </h2>
          {video && facts ? <VideoPreview key={video.id} file={video.file} facts={facts} cover={cover} /> : null}
          {video?.trimmedFrom && facts ? (
            <TrimmedNote
              file={video.file}
              from={video.trimmedFrom.name}
              startSec={video.trimmedFrom.startSec}
              durationSec={facts.durationSec}
            />
          ) : null}
          <VideoPicker
            onPick={(file) => pick(file)}
            hasVideo={facts !== null}
            requirements={requirements}
            inputRef={pickerRef}
            describedBy={problems.length > 0 ? problemsId : undefined}
          />
          <VideoProblems id={problemsId} problems={problems} />
          {video && facts && trimmable && allowedSec !== undefined ? (
            <TrimOffer
              key={`${video.id}-${allowedSec}`}
              file={video.file}
              facts={facts}
              maxLengthSec={allowedSec}
              onTrimmed={(cut, startSec) => pick(cut, { name: video.file.name, startSec })}
            />
          ) : null}
        </section>

        <section className="composer__section composer__details" aria-labelledby={detailsHeadingId}>
          <h2 id={detailsHeadingId} className="composer__heading">
            {t('composer.details')}
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
                label={t('composer.aigc.label')}
                description={t('composer.aigc.description')}
                checked={fields.isAigc}
                onChange={(isAigc) => update({ isAigc })}
              />
            </>
          ) : mode === 'draft' ? (
            <DraftNotice />
          ) : (
            <p className="composer-hint">{t('composer.settingsPending')}</p>
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
          {mode === 'direct' ? t('composer.post') : t('composer.sendDraft')}
        </Button>
        {blocked ? (
          <ul id={blockersId} className="composer__blockers" aria-label={t('composer.blockers')}>
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        ) : null}
        <p className="composer-hint">{direct ? prescribed.processingNotice() : t('composer.draftHint')}</p>
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
