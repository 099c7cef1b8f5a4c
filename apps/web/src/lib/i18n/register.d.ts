import type en from './catalogs/en.json';

// Message ids are the English catalog's keys, so a typo or a key nobody wrote fails typecheck.
declare module '@lingui/core' {
  interface Register {
    messageIds: keyof typeof en;
  }
}
