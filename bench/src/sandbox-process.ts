import { startSandbox } from '@content-studio/tiktok-sandbox';

/**
 * The TikTok sandbox in a process of its own (forked by processes.ts). It hashes every byte it
 * receives: inside the bench process that work would share one event loop with the client and slow
 * it down differently per path. In its own process every path (proxy, direct, pipe) pays the same
 * upstream on the same terms, and the OS schedules it like the remote host it stands in for.
 */
const redirectUri = process.env.BENCH_REDIRECT_URI;
if (!redirectUri || !process.send) {
  console.error('sandbox-process: start me with fork() and BENCH_REDIRECT_URI');
  process.exit(1);
}

const sandbox = await startSandbox({
  redirectUris: [redirectUri],
  // Direct posts from an audited app: no cap of 5 pending drafts, no cap of a few posting users.
  audited: true,
  postsPerDayCap: 100_000,
  // Nothing waits for processing; short timers keep the sandbox quiet between scenarios.
  processingDelayMs: 10,
  moderationDelayMs: 10,
  // TikTok's media checks stay on: the benchmark videos are real MP4s (video-bytes.ts), so every
  // upload is read after its last chunk as in tests and dev, and a failed check fails the run.
});

process.send({
  url: sandbox.url,
  authorizeUrl: sandbox.authorizeUrl,
  clientKey: sandbox.clientKey,
  clientSecret: sandbox.clientSecret,
});

// The bench going away (even by a crash) takes the sandbox with it: the IPC channel closes.
process.on('disconnect', () => void sandbox.close().finally(() => process.exit(0)));
process.on('SIGTERM', () => void sandbox.close().finally(() => process.exit(0)));
