import { config } from 'zod';

/**
 * The production CSP (render.yaml) has no 'unsafe-eval'. Unless told otherwise, zod 4 probes for
 * eval with `Function('')` the first time it parses an object (to compile fast parsers); the probe
 * is caught, but the browser still reports it as a CSP violation and logs it on every page load.
 * Jitless parsing never probes. Imported first by main.tsx, before any schema is parsed.
 */
config({ jitless: true });
