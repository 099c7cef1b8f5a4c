import { z } from 'zod';
import { startSandbox } from './index';

// The only place that reads process.env: the library itself takes everything as options.
const envSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  SANDBOX_AUDITED: z.stringbool().default(false),
  SANDBOX_REDIRECT_URIS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`tiktok-sandbox: bad environment\n${z.prettifyError(parsed.error)}`);
  process.exit(1);
}
const env = parsed.data;

const sandbox = await startSandbox({
  port: env.SANDBOX_PORT,
  host: env.SANDBOX_HOST,
  audited: env.SANDBOX_AUDITED,
  ...(env.SANDBOX_REDIRECT_URIS?.length ? { redirectUris: env.SANDBOX_REDIRECT_URIS } : {}),
  logger: (line) => console.log(`[tiktok-sandbox] ${line}`),
});

console.log(`TikTok sandbox listening (${env.SANDBOX_AUDITED ? 'audited' : 'unaudited'} app)
  authorize page   ${sandbox.authorizeUrl}
  API base         ${sandbox.url}   (TIKTOK_API_BASE_URL)
  upload origin    ${sandbox.url}   (TIKTOK_UPLOAD_ORIGINS)
  test hooks       ${sandbox.url}/__sandbox/
  client key       ${sandbox.clientKey}
  client secret    ${sandbox.clientSecret}   (a fixed sandbox value, not a real secret)
Press Ctrl+C to stop.`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`tiktok-sandbox: ${signal}, closing`);
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
