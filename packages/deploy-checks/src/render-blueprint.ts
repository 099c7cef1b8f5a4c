import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const schema = JSON.parse(readFileSync(new URL('./render-blueprint.schema.json', import.meta.url), 'utf8'));

interface EnvVar {
  key: string;
  value?: string;
  sync?: boolean;
  generateValue?: boolean;
  fromService?: { type: string; name: string; property: string };
}
interface Service {
  type: string;
  name: string;
  /** Absent on Key Value instances. */
  runtime?: string;
  region?: string;
  dockerfilePath?: string;
  healthCheckPath?: string;
  maxShutdownDelaySeconds?: number;
  numInstances?: number;
  scaling?: { minInstances: number; maxInstances: number };
  buildCommand?: string;
  staticPublishPath?: string;
  envVars?: EnvVar[];
  ipAllowList?: Array<{ source: string; description?: string }>;
  routes?: Array<{ type: string; source: string; destination: string }>;
  headers?: Array<{ path: string; name: string; value: string }>;
}

/** What the proxy refuses to start without (apps/proxy/src/config.ts). */
export const REQUIRED_PROXY_ENV = [
  'TIKTOK_CLIENT_KEY',
  'TIKTOK_CLIENT_SECRET',
  'TIKTOK_REDIRECT_URI',
  'SESSION_SEAL_KEY',
  'ALLOWED_ORIGINS',
] as const;
const SECRETS = ['TIKTOK_CLIENT_SECRET', 'SESSION_SEAL_KEY'];
const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;
const REQUIRED_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
];

export interface BlueprintFacts {
  /** Files the blueprint points at, relative to the repo root, that must exist. */
  existingPaths: (path: string) => boolean;
  /** Keys documented in .env.example. */
  documentedEnv: ReadonlySet<string>;
}

/**
 * Every problem with render.yaml, as plain sentences: first the schema (shape, known keys), then the
 * promises the blueprint must keep (Frankfurt, secrets never in the file, headers, shutdown grace…).
 */
export function checkBlueprint(yamlText: string, facts: BlueprintFacts): string[] {
  const doc = parse(yamlText) as { services?: Service[] };
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(schema);
  if (!validate(doc)) {
    return (validate.errors ?? []).map((e) => `schema: ${e.instancePath || '/'} ${e.message ?? ''}`.trim());
  }
  const problems: string[] = [];
  const services = doc.services ?? [];
  const proxy = services.find((s) => s.runtime === 'docker');
  const web = services.find((s) => s.runtime === 'static');
  if (!proxy) return ['no Docker web service for the proxy'];
  if (!web) return ['no static site for the SPA'];
  const env = (service: Service, key: string) => service.envVars?.find((v) => v.key === key);

  // Proxy service
  if (proxy.region !== 'frankfurt')
    problems.push('proxy: region must be frankfurt (docs/requirements/product-promises.md#hosting-frankfurt)');
  if (!proxy.dockerfilePath || !facts.existingPaths(proxy.dockerfilePath))
    problems.push('proxy: dockerfilePath does not exist');
  if (proxy.healthCheckPath !== '/healthz') problems.push('proxy: healthCheckPath must be /healthz');
  if (!proxy.scaling && !proxy.numInstances)
    problems.push('proxy: declare scaling or numInstances (the proxy is stateless)');
  for (const key of REQUIRED_PROXY_ENV) if (!env(proxy, key)) problems.push(`proxy: ${key} missing from envVars`);
  for (const key of SECRETS) {
    const v = env(proxy, key);
    if (v?.value !== undefined) problems.push(`proxy: ${key} must not have a value in render.yaml`);
  }
  if (env(proxy, 'TIKTOK_CLIENT_SECRET')?.sync !== false)
    problems.push('proxy: TIKTOK_CLIENT_SECRET must be sync: false');
  if (env(proxy, 'SESSION_SEAL_KEY')?.generateValue !== true)
    problems.push('proxy: SESSION_SEAL_KEY must use generateValue');
  if (env(proxy, 'HOST')?.value !== '0.0.0.0') problems.push('proxy: HOST must be 0.0.0.0 in a container');
  const graceMs = Number(env(proxy, 'SHUTDOWN_GRACE_MS')?.value ?? DEFAULT_SHUTDOWN_GRACE_MS);
  if (!proxy.maxShutdownDelaySeconds || proxy.maxShutdownDelaySeconds * 1000 < graceMs + 2_000) {
    problems.push(`proxy: maxShutdownDelaySeconds must exceed the shutdown grace (${graceMs} ms) by a margin`);
  }
  // The optional shared rate-limit store: Render's Key Value, reached over the private network only.
  const store = env(proxy, 'RATE_LIMIT_REDIS_URL');
  if (store) {
    const ref = store.fromService;
    const keyValue = services.find((s) => s.type === 'keyvalue' && s.name === ref?.name);
    if (ref?.type !== 'keyvalue' || ref.property !== 'connectionString' || !keyValue) {
      problems.push('proxy: RATE_LIMIT_REDIS_URL must be the connectionString of a keyvalue service in this blueprint');
    } else {
      if (keyValue.region !== proxy.region)
        problems.push(
          "keyvalue: region must be the proxy's (private network, docs/requirements/product-promises.md#hosting-frankfurt)",
        );
      if ((keyValue.ipAllowList ?? []).length > 0)
        problems.push('keyvalue: ipAllowList must be empty (no access from outside Render)');
    }
  }
  for (const v of [...(proxy.envVars ?? []), ...(web.envVars ?? [])]) {
    if (!facts.documentedEnv.has(v.key)) problems.push(`${v.key} is not documented in .env.example`);
    if (v.value?.startsWith('http://'))
      problems.push(`${v.key} must be https (docs/requirements/product-promises.md#https-only)`);
  }

  // Static site
  if (web.staticPublishPath !== './apps/web/dist') problems.push('web: staticPublishPath must be ./apps/web/dist');
  if (!web.buildCommand?.includes('--frozen-lockfile'))
    problems.push('web: buildCommand must install with --frozen-lockfile');
  if (!web.routes?.some((r) => r.type === 'rewrite' && r.source === '/*' && r.destination === '/index.html')) {
    problems.push('web: SPA rewrite /* -> /index.html missing');
  }
  const header = (name: string) =>
    web.headers?.find((h) => h.path === '/*' && h.name.toLowerCase() === name.toLowerCase())?.value;
  const csp = header('Content-Security-Policy') ?? '';
  for (const directive of REQUIRED_CSP) if (!csp.includes(directive)) problems.push(`web: CSP lacks ${directive}`);
  const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1]?.trim();
  if (scriptSrc !== "'self'")
    problems.push("web: CSP script-src must be exactly 'self' (no inline or third-party scripts)");
  const apiBase = env(web, 'VITE_API_BASE_URL')?.value;
  const connectSrc = /connect-src ([^;]+)/.exec(csp)?.[1]?.split(/\s+/) ?? [];
  if (apiBase && !connectSrc.includes(new URL(apiBase).origin))
    problems.push('web: CSP connect-src must allow VITE_API_BASE_URL');
  if (connectSrc.some((src) => src.startsWith('http:') || src === '*'))
    problems.push('web: CSP connect-src must be https only');
  if (!/max-age=\d{7,}/.test(header('Strict-Transport-Security') ?? ''))
    problems.push('web: HSTS with a long max-age missing');
  if (header('X-Content-Type-Options') !== 'nosniff') problems.push('web: X-Content-Type-Options: nosniff missing');
  if (!header('Referrer-Policy')) problems.push('web: Referrer-Policy missing');

  // The two services must agree with each other.
  const redirect = env(proxy, 'TIKTOK_REDIRECT_URI')?.value;
  const origins =
    env(proxy, 'ALLOWED_ORIGINS')
      ?.value?.split(',')
      .map((o) => o.trim()) ?? [];
  if (redirect && !origins.includes(new URL(redirect).origin))
    problems.push('proxy: ALLOWED_ORIGINS must include the SPA origin of TIKTOK_REDIRECT_URI');
  return problems;
}
