/** The composer's public face: the route renders `Composer` and passes each account's upload `enqueue`. */
export { Composer, type ComposerAccount, type ComposerProps } from './components/composer';
export type { ComposerSubmission } from './composer-schema';
