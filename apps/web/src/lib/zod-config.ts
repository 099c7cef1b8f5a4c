import type { $ZodConfig } from 'zod/v4/core';

/**
 * The production CSP (render.yaml) has no 'unsafe-eval'. Unless told otherwise, zod 4 probes for
 * eval with `Function('')` as it builds each object schema (to compile fast parsers), and the
 * contract builds its schemas as soon as it loads; the probe is caught, but the browser still
 * reports a CSP violation. Jitless parsing never probes.
 *
 * So this must run before zod builds anything, in whichever lazy chunk zod arrives: main.tsx imports
 * it first. It sets zod's config through the global zod keeps it in (colinhacks/zod#5889, shared by
 * every copy of zod and adopted when zod loads later) instead of calling `config()`, because importing
 * zod here would put about 4 KB of it back into the landing page's first download (issue 7).
 * zod-config.test.ts checks that zod still reads this global.
 */
type ZodGlobal = typeof globalThis & { __zod_globalConfig?: Partial<$ZodConfig> };

const zodGlobal = globalThis as ZodGlobal;
// oxlint-disable-next-line no-underscore-dangle -- zod's own name for it
zodGlobal.__zod_globalConfig = Object.assign(zodGlobal.__zod_globalConfig ?? {}, { jitless: true });
