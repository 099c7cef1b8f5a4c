import './spinner.css';

/** Purely visual: the surrounding status region says in words what is happening. */
export function Spinner({ size = 'md' }: { size?: 'md' | 'lg' }) {
  return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
}
