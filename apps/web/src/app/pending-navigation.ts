import { createContext } from 'react';

/** True while the page on screen stays up because the next page's code is still arriving. */
export const PendingNavigationContext = createContext(false);
