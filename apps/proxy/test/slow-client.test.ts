import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApp } from './sandbox-app';

/** Slow clients (slowloris, a browser upload that stalls) must not hold sockets forever. */
let ctx: Awaited<ReturnType<typeof startSandboxApp>>;
let port: number;
beforeAll(async () => {
  ctx = await startSandboxApp({}, {}, { socketIdleTimeoutMs: 300 });
  port = Number(new URL(await ctx.listen()).port);
});
afterAll(() => ctx.close());

function silentClient(payload: string) {
  return new Promise<number>((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(payload));
    socket.on('close', () => resolve(Date.now() - started));
    socket.on('error', () => undefined);
    setTimeout(() => reject(new Error('socket still open after 5 s')), 5_000).unref();
  });
}

describe('slow clients', () => {
  it('drops a client that stops sending in the middle of its headers', async () => {
    expect(await silentClient('GET /healthz HTTP/1.1\r\nHost: x\r\n')).toBeLessThan(3_000);
  });

});
