import { healthHandlers } from './health';
import { sessionHandlers } from './session';

/** Happy paths only; a test that needs an error adds it with `server.use(...)`. */
export const handlers = [...healthHandlers, ...sessionHandlers];
