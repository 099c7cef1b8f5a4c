import { useId, type ReactNode } from 'react';
import './switch-field.css';

export type SwitchFieldProps = {
  label: string;
  description: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
};

/** An on/off setting: a native checkbox with the switch role, so Space toggles it and it reads as "switch, off". */
export function SwitchField({ label, description, checked, onChange, disabled = false }: SwitchFieldProps) {
  const id = useId();
  const descriptionId = useId();
  return (
    <div className="switch-field">
      <input
        id={id}
        className="switch-field__input"
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        disabled={disabled}
        aria-describedby={descriptionId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="switch-field__label">
        {label}
      </label>
      <p id={descriptionId} className="switch-field__description">
        {description}
      </p>
    </div>
  );
}
