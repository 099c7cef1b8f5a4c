import { useId } from 'react';
import { useT } from '@/lib/i18n';
import {
  disclosureIncomplete,
  disclosureLabel,
  isBrandedContentDisabled,
  prescribed,
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
  const t = useT();
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
        label={t('composer.disclose.label')}
        description={t('composer.disclose.description')}
        checked={fields.disclose}
        // Switching off forgets the ticks, so nothing hidden still limits the privacy choice.
        onChange={(disclose) =>
          onChange(disclose ? { disclose } : { disclose, brandOrganic: false, brandedContent: false })
        }
      />
      {fields.disclose ? (
        <fieldset className="disclosure__choices" aria-describedby={statusId}>
          <legend className="visually-hidden">{t('composer.disclose.legend')}</legend>
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
              {t('composer.yourBrand')}
            </label>
            <p id={`${organicId}-hint`} className="disclosure__hint">
              {t('composer.yourBrandHint')}
            </p>
          </div>
          <div className={`disclosure__choice${brandedDisabled ? ' disclosure__choice--disabled' : ''}`}>
            <input
              id={brandedId}
              className="composer-checkbox"
              type="checkbox"
              checked={fields.brandedContent}
              disabled={brandedDisabled}
              title={brandedDisabled ? prescribed.brandedContentNotPrivate() : undefined}
              aria-describedby={brandedDisabled ? `${brandedId}-hint ${brandedId}-blocked` : `${brandedId}-hint`}
              onChange={(event) => onChange({ brandedContent: event.target.checked })}
            />
            <label htmlFor={brandedId} className="disclosure__label">
              {t('composer.branded')}
            </label>
            <p id={`${brandedId}-hint`} className="disclosure__hint">
              {t('composer.brandedHint')}
            </p>
            {brandedDisabled ? (
              <p id={`${brandedId}-blocked`} className="composer-note disclosure__blocked">
                {prescribed.brandedContentNotPrivate()} {t('composer.brandedChooseOther')}
              </p>
            ) : null}
          </div>
          <output id={statusId} className={incomplete ? 'composer-error' : 'disclosure__label-notice'}>
            {incomplete ? prescribed.disclosureNeedsChoice() : label}
          </output>
        </fieldset>
      ) : null}
    </div>
  );
}
