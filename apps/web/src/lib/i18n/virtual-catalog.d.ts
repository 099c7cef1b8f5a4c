// Catalogs compiled from catalogs/<locale>.json, one module per part (`<locale>_<part>`), at build time by the plugin in vite.config.ts.
declare module 'virtual:i18n-catalog/*' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
