import { MAX_TITLE_LENGTH, MAX_VIDEO_BYTES, type UploadMode } from '@content-studio/contract';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-error';
import { creatorMessage } from '@/lib/api-error-text';
import { formatBytes } from '@/lib/format-bytes';
import { formatList, useT } from '@/lib/i18n';
import {
  captionTooLong,
  isBranded,
  looksUnaudited,
  prescribed,
  toPostSettings,
  type ComposerFields,
  type ComposerSubmission,
} from '../composer-schema';
import {
  EMPTY_SHARED_FIELDS,
  modeReasonOf,
  planTarget,
  sharedModeReason,
  splitChange,
  type AccountFields,
  type ComposeTarget,
  type SharedFields,
  type TargetPlan,
} from '../target-plan';
import {
  MAX_DRAFT_DURATION_SEC,
  formatDuration,
  maxDurationSec as allowedDurationSec,
  videoProblems,
  type VideoProblem,
} from '../video-checks';
import { AccountPicker } from './account-picker';
import { AccountSettings } from './account-settings';
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

export type { ComposeTarget } from '../target-plan';

export type ComposerFormProps = {
  /**
   * The accounts the video can go to, at least one. With one, the form is that account's; with
   * several, the creator picks which ones get it and each gets its own settings block.
   */
  targets: readonly ComposeTarget[];
  /** With several accounts: the ones picked when the form opens (the active one). */
  initialTargets?: readonly string[];
  /**
   * Whether TikTok has audited this app, as its operator configured the proxy (undefined while not
   * known). Unaudited, the notice shows before the first post and only "Only me" is offered.
   */
  appAudited?: boolean | undefined;
  /**
   * Called only when the creator presses Post / Send draft, with a valid submission, once per
   * account that gets the video; the route passes that account's upload engine's `enqueue`. The
   * form resets for the next video once every call resolved, and shows the error's message where
   * one rejected (an account whose call went through is unpicked, so it never gets the video twice).
   */
  onSubmit: (submission: ComposerSubmission, targetId: string) => unknown;
};

/**
 * The compose screen TikTok's auditors judge (TikTok's Content Sharing Guidelines). Nothing is sent anywhere from here: the
 * video stays in the browser (preview from an object URL) until the creator presses the button,
 * and then it only goes to `onSubmit`. Every rule the button waits for is listed beside it, in words,
 * and is the button's description and tooltip.
 */
export function ComposerForm({ targets, initialTargets = [], appAudited, onSubmit }: ComposerFormProps) {
  const t = useT();
  const several = targets.length > 1;
  const [chosenIds, setChosenIds] = useState<readonly string[]>(() =>
    initialTargets.filter((id) => targets.some((target) => target.id === id)),
  );
  // One account: it is always the one. Several: the picked ones, in the accounts' own order.
  const chosen = several ? targets.filter((target) => chosenIds.includes(target.id)) : targets.slice(0, 1);
  const only = several ? undefined : chosen[0];

  const modeReasons = (target: ComposeTarget | undefined): Record<UploadMode, string | null> =>
    target
      ? { direct: modeReasonOf(target, 'direct'), draft: modeReasonOf(target, 'draft') }
      : { direct: sharedModeReason(chosen, 'direct'), draft: sharedModeReason(chosen, 'draft') };
  const reasons = modeReasons(only);
  const [chosenMode, setChosenMode] = useState<UploadMode>(() => {
    const initial = modeReasons(several ? undefined : targets[0]);
    return initial.direct && !initial.draft ? 'draft' : 'direct';
  });
  // If the chosen mode stops being available (creator info failed, say), fall back to the other.
  const mode: UploadMode = reasons[chosenMode] && !reasons[otherMode(chosenMode)] ? otherMode(chosenMode) : chosenMode;

  const { video, pick: pickVideo, clear: clearVideo } = usePickedVideo();
  const [shared, setShared] = useState<SharedFields>(EMPTY_SHARED_FIELDS);
  const [perAccount, setPerAccount] = useState<Record<string, Partial<AccountFields>>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [accountErrors, setAccountErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const pickerRef = useRef<HTMLInputElement>(null);
  const videoHeadingId = useId();
  const detailsHeadingId = useId();
  const problemsId = useId();
  const blockersId = useId();

  const update = (targetId: string, change: Partial<ComposerFields>) => {
    const split = splitChange(change);
    setShared((current) => ({ ...current, ...split.shared }));
    setPerAccount((current) => ({ ...current, [targetId]: { ...current[targetId], ...split.account } }));
  };

  // ── The video ──────────────────────────────────────────────────────────────────────────────────
  // The container's facts decide; the file's name and reported type do not (a renamed text file is no video).
  const read = video?.read ?? null;
  const facts = read?.kind === 'read' ? read.facts : null;
  const plans: TargetPlan[] = chosen.map((target) =>
    planTarget(target, { mode, shared, account: perAccount[target.id], appAudited, facts }),
  );
  const onlyPlan = several ? undefined : plans[0];
  // One account: its length limit is one of the video's problems, as it always was. Several: each
  // account's own limit is checked in its block, and only what is wrong for all of them is here.
  const limits = { mode, maxDirectDurationSec: onlyPlan?.target.creatorInfo?.maxVideoPostDurationSec };
  const problems: VideoProblem[] = video ? videoProblems(video.file, read, limits) : [];
  const directLimits = plans.flatMap((plan) =>
    plan.direct && plan.target.creatorInfo ? [plan.target.creatorInfo.maxVideoPostDurationSec] : [],
  );
  const allowedSec = several
    ? mode === 'draft'
      ? MAX_DRAFT_DURATION_SEC
      : directLimits.length > 0
        ? Math.min(...directLimits)
        : undefined
    : allowedDurationSec(limits);
  // A cut fixes the length, nothing else: offered only when the length is the one problem (for
  // one account, or for the shortest limit of the chosen ones, so the cut fits every one of them).
  const lengthOnly = problems.length === 1 && problems[0]?.id === 'too-long';
  const trimmable =
    facts !== null &&
    allowedSec !== undefined &&
    (lengthOnly || (problems.length === 0 && facts.durationSec > allowedSec));
  const anyDirect = several ? mode === 'direct' : onlyPlan?.direct === true;
  const durationSec = facts?.durationSec ?? null;
  const cover: CoverControl | null =
    anyDirect && durationSec !== null
      ? {
          maxMs: coverMaxMs(durationSec),
          valueMs: Math.min(shared.coverTimestampMs ?? 0, coverMaxMs(durationSec)),
          onChange: (ms) => setShared((current) => ({ ...current, coverTimestampMs: ms })),
        }
      : null;

  function pick(picked: File, trimmedFrom: { name: string; startSec: number } | null = null) {
    pickVideo(picked, trimmedFrom);
    setShared((current) => ({ ...current, coverTimestampMs: null }));
    setSubmitError(null);
    setAccountErrors({});
    setAnnouncement(trimmedFrom ? t('composer.cutReady', { file: trimmedFrom.name }) : '');
  }

  // ── What the button waits for ──────────────────────────────────────────────────────────────────
  const receivers = several ? plans.filter((plan) => !plan.waiting && plan.excluded === null) : plans;
  const blockers: string[] = [];
  const modeReason = reasons[mode];
  if (modeReason) blockers.push(modeReason);
  if (several && chosen.length === 0) blockers.push(t('accounts.compose.chooseOne'));
  if (!video) blockers.push(t('composer.chooseVideoFirst'));
  else if (problems.length > 0) blockers.push(t('composer.videoRefused'));
  else if (video.read === null) blockers.push(t('composer.checkingVideo'));
  if (onlyPlan) {
    if (onlyPlan.direct) blockers.push(...onlyPlan.blockers);
  } else {
    for (const plan of plans) {
      const { name } = plan.target;
      if (plan.waiting) blockers.push(t('accounts.compose.loadingFor', { name }));
      else if (plan.excluded === null) {
        for (const blocker of plan.blockers) blockers.push(t('accounts.compose.blockerFor', { name, blocker }));
      }
    }
    if (chosen.length > 0 && plans.every((plan) => !plan.waiting && plan.excluded !== null)) {
      blockers.push(t('accounts.compose.noneCanReceive'));
    }
  }
  if (anyDirect && captionTooLong(shared.title)) {
    blockers.push(t('composer.shortenCaption', { max: MAX_TITLE_LENGTH }));
  }
  if (submitting) blockers.push(t('composer.adding'));
  const blocked = blockers.length > 0;

  function submissionFor(plan: TargetPlan, file: File): ComposerSubmission {
    const info = plan.target.creatorInfo;
    return plan.direct && info
      ? {
          file,
          mode: 'direct',
          post: toPostSettings({ ...plan.fields, coverTimestampMs: cover ? cover.valueMs : null }, info),
          creatorUsername: info.username,
        }
      : { file, mode: 'draft', ...(info ? { creatorUsername: info.username } : {}) };
  }

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
    setAccountErrors({});
    // Each account on its own: one refused (its settings changed, TikTok said no) never stops the others.
    const outcomes = await Promise.all(
      receivers.map(async (plan) => {
        try {
          await onSubmit(submissionFor(plan, file), plan.target.id);
          return { plan, error: null };
        } catch (error) {
          const message = isApiError(error)
            ? creatorMessage(error)
            : error instanceof Error && error.message
              ? error.message
              : t('composer.addFailed');
          return { plan, error: message };
        }
      }),
    );
    setSubmitting(false);
    const added = outcomes.filter((outcome) => outcome.error === null).map((outcome) => outcome.plan.target);
    const failed = outcomes.flatMap((outcome) =>
      outcome.error === null ? [] : [[outcome.plan.target.id, outcome.error] as const],
    );
    if (failed.length === 0) {
      // Ready for the next video; the queue below follows this one.
      clearVideo();
      setShared(EMPTY_SHARED_FIELDS);
      setPerAccount({});
      setAnnouncement(
        several
          ? t('accounts.compose.added', { file: file.name, names: formatList(added.map((target) => target.name)) })
          : t('composer.added', { file: file.name }),
      );
      pickerRef.current?.focus();
      return;
    }
    if (!several) {
      setSubmitError(failed[0]?.[1] ?? null);
      return;
    }
    setAccountErrors(Object.fromEntries(failed));
    if (added.length > 0) {
      // What went through must not go again: those accounts are unpicked, the rest stays as it was.
      setChosenIds((current) => current.filter((id) => !added.some((target) => target.id === id)));
      setAnnouncement(
        t('accounts.compose.partlyAdded', { file: file.name, names: formatList(added.map((target) => target.name)) }),
      );
    }
  }

  const maxDurationSec =
    mode === 'draft' ? MAX_DRAFT_DURATION_SEC : onlyPlan?.target.creatorInfo?.maxVideoPostDurationSec;
  const requirements = [
    t('composer.req.types'),
    t('composer.req.size', { size: formatBytes(MAX_VIDEO_BYTES) }),
    maxDurationSec === undefined ? null : t('composer.req.length', { duration: formatDuration(maxDurationSec) }),
    t('composer.req.sides'),
  ]
    .filter(Boolean)
    .join(' · ');

  const unaudited =
    anyDirect &&
    (appAudited === false ||
      plans.some(
        (plan) => plan.direct && (plan.target.unauditedRestriction || looksUnaudited(plan.target.creatorInfo)),
      ));
  // The Branded Content Policy joins the declaration when any account that gets the video carries it.
  const brandedContent = plans.some(
    (plan) => plan.direct && (!several || plan.excluded === null) && isBranded(plan.fields),
  );
  const onlyInfo = onlyPlan?.target.creatorInfo;

  return (
    <form className="composer" noValidate aria-label={t('composer.formLabel')} onSubmit={(event) => void submit(event)}>
      <div className="composer__intro">
        {several ? (
          <AccountPicker
            targets={targets}
            chosen={chosenIds}
            onChange={(ids) => {
              setChosenIds(ids);
              setAccountErrors({});
            }}
          />
        ) : onlyInfo ? (
          <CreatorBadge info={onlyInfo} mode={mode} />
        ) : null}
        <ModeSwitch mode={mode} onChange={setChosenMode} unavailable={reasons} />
      </div>

      {unaudited ? <UnauditedNotice /> : null}

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
          {onlyPlan ? (
            onlyPlan.direct && onlyInfo ? (
              <>
                <CaptionField value={shared.title} onChange={(title) => update(onlyPlan.target.id, { title })} />
                <PrivacyLevelSelect
                  options={onlyPlan.privacyOptions}
                  value={onlyPlan.fields.privacyLevel}
                  onChange={(level) => update(onlyPlan.target.id, { privacyLevel: level })}
                  brandedContent={isBranded(onlyPlan.fields)}
                />
                <InteractionSettings
                  info={onlyInfo}
                  values={onlyPlan.fields}
                  onChange={(change) => update(onlyPlan.target.id, change)}
                />
                <CommercialDisclosure
                  fields={onlyPlan.fields}
                  onChange={(change) => update(onlyPlan.target.id, change)}
                />
                <AigcSwitch checked={shared.isAigc} onChange={(isAigc) => setShared((s) => ({ ...s, isAigc }))} />
              </>
            ) : mode === 'draft' ? (
              <DraftNotice />
            ) : (
              <p className="composer-hint">{t('composer.settingsPending')}</p>
            )
          ) : (
            <>
              {mode === 'direct' ? (
                <>
                  <CaptionField value={shared.title} onChange={(title) => setShared((s) => ({ ...s, title }))} />
                  <AigcSwitch checked={shared.isAigc} onChange={(isAigc) => setShared((s) => ({ ...s, isAigc }))} />
                </>
              ) : (
                <DraftNotice />
              )}
              {chosen.length === 0 ? <p className="composer-hint">{t('accounts.compose.chooseOne')}</p> : null}
              {plans.map((plan) => (
                <AccountSettings
                  key={plan.target.id}
                  plan={plan}
                  error={accountErrors[plan.target.id] ?? null}
                  onChange={(change) => update(plan.target.id, change)}
                />
              ))}
            </>
          )}
        </section>
      </div>

      <div className="composer__submit">
        {several && chosen.length > 0 ? <ReceiversSummary plans={plans} /> : null}
        {anyDirect ? <PostDeclaration brandedContent={brandedContent} /> : null}
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
        <p className="composer-hint">{anyDirect ? prescribed.processingNotice() : t('composer.draftHint')}</p>
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

function AigcSwitch({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const t = useT();
  return (
    <SwitchField
      label={t('composer.aigc.label')}
      description={t('composer.aigc.description')}
      checked={checked}
      onChange={onChange}
    />
  );
}

/** Who gets the video when Post is pressed, and who does not and why, right above the button. */
function ReceiversSummary({ plans }: { plans: readonly TargetPlan[] }) {
  const t = useT();
  const receiving = plans.filter((plan) => !plan.waiting && plan.excluded === null);
  const skipped = plans.filter((plan) => !plan.waiting && plan.excluded !== null);
  return (
    <div className="composer__receivers">
      {receiving.length > 0 ? (
        <p>{t('accounts.compose.goesTo', { names: formatList(receiving.map((plan) => plan.target.name)) })}</p>
      ) : null}
      {skipped.length > 0 ? (
        <ul className="composer__skipped">
          {skipped.map((plan) => (
            <li key={plan.target.id}>
              {t('accounts.compose.skipped', { name: plan.target.name, reason: plan.excluded ?? '' })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function otherMode(mode: UploadMode): UploadMode {
  return mode === 'direct' ? 'draft' : 'direct';
}

/** The last whole tenth of a second before the end: TikTok falls back to the first frame for a cover past it. */
function coverMaxMs(durationSec: number): number {
  return Math.max(0, Math.ceil(durationSec * 10) * 100 - 100);
}
