import type { ComponentPropsWithRef } from 'react';
import { Link } from 'react-router';
import { buttonClassName, type ButtonSize, type ButtonVariant } from './button';

export type ButtonLinkProps = ComponentPropsWithRef<typeof Link> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/** Navigation that looks like a button; it stays a link so it can be opened in a new tab. */
export function ButtonLink({ variant = 'secondary', size = 'md', className, ...props }: ButtonLinkProps) {
  return <Link className={buttonClassName(variant, size, className)} {...props} />;
}
