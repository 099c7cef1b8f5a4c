/** The composer's public face: the route renders `Composer` and passes the upload engine's `enqueue`. */
export { Composer, type ComposerProps } from './components/composer';
export type { ComposerSubmission } from './composer-schema';
