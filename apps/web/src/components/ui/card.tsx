import type { ComponentPropsWithRef } from 'react';
import './card.css';

export type CardProps = ComponentPropsWithRef<'div'> & {
  tone?: 'raised' | 'sunken';
};

export function Card({ tone = 'raised', className, ...props }: CardProps) {
  return <div className={['card', `card--${tone}`, className].filter(Boolean).join(' ')} {...props} />;
}
