import { MAX_TITLE_LENGTH } from '@content-studio/contract';
import { useId } from 'react';
import { useT } from '@/lib/i18n';
import { captionTooLong, tokenizeCaption } from '../composer-schema';
import './caption-field.css';

export type CaptionFieldProps = {
  value: string;
  onChange: (value: string) => void;
};

/**
 * The caption (TikTok's `title`). The textarea is the one source of truth; hashtags and mentions
 * are highlighted in a preview below it rather than an overlay, so the text field stays a plain,
 * fully native control. The counter counts what TikTok counts: UTF-16 code units, `String.length`
 * (an emoji is 2). Nothing is cut off while typing or pasting; a caption over the limit is
 * marked invalid and blocks posting until the creator shortens it.
 */
export function CaptionField({ value, onChange }: CaptionFieldProps) {
  const t = useT();
  const id = useId();
  const counterId = useId();
  const errorId = useId();
  const tooLong = captionTooLong(value);
  const tokens = tokenizeCaption(value);
  const tagCount = tokens.filter((token) => token.kind !== 'text').length;

  return (
    <div className="caption-field">
      <div className="caption-field__head">
        <label htmlFor={id} className="composer-label">
          {t('composer.caption')}
        </label>
        <span id={counterId} className={`caption-field__counter${tooLong ? ' caption-field__counter--over' : ''}`}>
          {value.length} / {MAX_TITLE_LENGTH}
          <span className="visually-hidden"> {t('composer.characters')}</span>
        </span>
      </div>
      <textarea
        id={id}
        className="caption-field__input"
        rows={4}
        value={value}
        placeholder={t('composer.captionPlaceholder')}
        aria-describedby={tooLong ? `${counterId} ${errorId}` : counterId}
        aria-invalid={tooLong || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {tooLong ? (
        <p id={errorId} className="composer-error">
          {t('composer.captionTooLong', { over: value.length - MAX_TITLE_LENGTH, max: MAX_TITLE_LENGTH })}
        </p>
      ) : null}
      {tagCount > 0 ? (
        // A visual aid only: screen readers already have the text in the field itself.
        <p className="caption-field__preview" aria-hidden="true" data-testid="caption-preview">
          {tokens.map((token, index) =>
            token.kind === 'text' ? (
              // oxlint-disable-next-line react/no-array-index-key -- tokens have no identity but their place
              <span key={index}>{token.text}</span>
            ) : (
              // oxlint-disable-next-line react/no-array-index-key -- as above
              <mark key={index} className={`caption-field__tag caption-field__tag--${token.kind}`}>
                {token.text}
              </mark>
            ),
          )}
        </p>
      ) : null}
    </div>
  );
}
