import { creatorInfoHandlers } from './creator-info';
import { healthHandlers } from './health';
import { profileHandlers } from './profile';
import { sessionHandlers } from './session';
import { uploadHandlers } from './uploads';

/** Happy paths only; a test that needs an error adds it with `server.use(...)`. */
export const handlers = [
  ...healthHandlers,
  ...sessionHandlers,
  ...profileHandlers,
  ...creatorInfoHandlers,
  ...uploadHandlers,
];
