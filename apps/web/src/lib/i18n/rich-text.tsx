import type { MessageId, Values } from '@lingui/core';
import { TransNoContext } from '@lingui/react/server';
import type { ReactElement } from 'react';
import { i18n, useLocale } from './i18n';

export type RichTextProps = {
  id: MessageId;
  values?: Values;
  /** The elements for the message's numbered tags: `<0>…</0>` takes `components[0]`'s type and props. */
  components: Record<number, ReactElement>;
};

/**
 * A message with markup in it ("There is no page at <0>{path}</0>"), so a translation can move the
 * emphasis or the link to where its grammar puts it. Lingui's own renderer, without its context
 * provider: components render the same in a test without wrapping them first.
 */
export function RichText({ id, values, components }: RichTextProps) {
  useLocale();
  return <TransNoContext id={id} values={values} components={components} lingui={{ i18n }} />;
}
