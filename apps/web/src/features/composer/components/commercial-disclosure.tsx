import { useId } from 'react';
import {
  BRANDED_CONTENT_NOT_PRIVATE,
  DISCLOSURE_NEEDS_CHOICE,
  disclosureIncomplete,
  disclosureLabel,
  isBrandedContentDisabled,
  type ComposerFields,
} from '../composer-schema';
import { SwitchField } from './switch-field';
import './commercial-disclosure.css';

type DisclosureFields = Pick<ComposerFields, 'disclose' | 'brandOrganic' | 'brandedContent' | 'privacyLevel'>;

export type CommercialDisclosureProps = {
  fields: DisclosureFields;
  onChange: (change: Partial<Pick<ComposerFields, 'disclose' | 'brandOrganic' | 'brandedContent'>>) => void;
};

/**
 * TikTok's commercial content disclosure, exactly as its guidelines prescribe (TikTok's Content Sharing Guidelines):
 * off by default; on, it asks for "Your brand" and/or "Branded content" and says which label the
 * post will carry; on with neither ticked, it says what is missing (and posting stays blocked).
 * Branded content can never be private: while "Only me" is chosen, "Branded content" is disabled
 * with the reason (we never change the creator's privacy choice for them).
 */
export function CommercialDisclosure({ fields, onChange }: CommercialDisclosureProps) {
  const idBase = useId();
  const label = disclosureLabel(fields);
  const incomplete = disclosureIncomplete(fields);
  const brandedDisabled = isBrandedContentDisabled(fields);
  const organicId = `${idBase}-organic`;
  const brandedId = `${idBase}-branded`;
  const statusId = `${idBase}-status`;

  return (
    <div className="disclosure">
      <SwitchField
        label="Disclose commercial content"
        description="Turn this on if this content promotes yourself, a brand, product or service."
        checked={fields.disclose}
        // Switching off forgets the ticks, so nothing hidden still limits the privacy choice.
        onChange={(disclose) =>
          onChange(disclose ? { disclose } : { disclose, brandOrganic: false, brandedContent: false })
        }
      />
      {fields.disclose ? (
        <fieldset className="disclosure__choices" aria-describedby={statusId}>
          <legend className="visually-hidden">What does this content promote?</legend>
          <div className="disclosure__choice">
            <input
              id={organicId}
              className="composer-checkbox"
              type="checkbox"
              checked={fields.brandOrganic}
              aria-describedby={`${organicId}-hint`}
              onChange={(event) => onChange({ brandOrganic: event.target.checked })}
            />
            <label htmlFor={organicId} className="disclosure__label">
              Your brand
            </label>
            <p id={`${organicId}-hint`} className="disclosure__hint">
              You are promoting yourself or your own business. Your video will be labeled as 'Promotional content'.
            </p>
          </div>
          <div className={`disclosure__choice${brandedDisabled ? ' disclosure__choice--disabled' : ''}`}>
            <input
              id={brandedId}
              className="composer-checkbox"
              type="checkbox"
              checked={fields.brandedContent}
              disabled={brandedDisabled}
              title={brandedDisabled ? BRANDED_CONTENT_NOT_PRIVATE : undefined}
              aria-describedby={brandedDisabled ? `${brandedId}-hint ${brandedId}-blocked` : `${brandedId}-hint`}
              onChange={(event) => onChange({ brandedContent: event.target.checked })}
            />
            <label htmlFor={brandedId} className="disclosure__label">
              Branded content
            </label>
            <p id={`${brandedId}-hint`} className="disclosure__hint">
              You are promoting another brand or a third party. Your video will be labeled as 'Paid partnership'.
            </p>
            {brandedDisabled ? (
              <p id={`${brandedId}-blocked`} className="composer-note disclosure__blocked">
                {BRANDED_CONTENT_NOT_PRIVATE} Choose another audience to tick Branded content.
              </p>
            ) : null}
          </div>
          <output id={statusId} className={incomplete ? 'composer-error' : 'disclosure__label-notice'}>
            {incomplete ? DISCLOSURE_NEEDS_CHOICE : label}
          </output>
        </fieldset>
      ) : null}
    </div>
  );
}
