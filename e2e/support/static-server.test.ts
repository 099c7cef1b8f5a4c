import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from './static-server.ts';

let outside: string;
let root: string;
let web: StaticServer;
let upstream: Server;
let upstreamOrigin: string;
const seenByUpstream: { method: string; url: string; bodyBytes: number }[] = [];

beforeAll(async () => {
  outside = await mkdtemp(path.join(tmpdir(), 'static-server-'));
  root = path.join(outside, 'dist');
  await mkdir(root);
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>spa</title>');
  await writeFile(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(path.join(outside, 'secret.txt'), 'secret');
  await writeFile(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  for (const name of ['clip.mp4', 'clip.MOV', 'clip.webm', 'clip.m4v']) await writeFile(path.join(root, name), 'x');

  upstream = createServer((req, res) => {
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on('end', () => {
      seenByUpstream.push({ method: req.method ?? '', url: req.url ?? '', bodyBytes });
      res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'yes' });
      res.end(JSON.stringify({ status: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

  web = await startStaticServer({ root, headers: { 'x-frame-options': 'DENY' } });
});

afterAll(async () => {
  await web?.close();
  await new Promise((resolve) => upstream?.close(resolve));
  await rm(outside, { recursive: true, force: true });
});

function rawGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('startStaticServer', () => {
  it('listens on 127.0.0.1 with an OS-chosen port', () => {
    expect(web.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves files with their content type, caching and the extra headers', async () => {
    const js = await fetch(`${web.origin}/assets/app-1234.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(js.headers.get('x-frame-options')).toBe('DENY');
    expect(await js.text()).toBe('console.log(1)');

    const svg = await fetch(`${web.origin}/favicon.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
  });

  it.each([
    ['clip.mp4', 'video/mp4'],
    ['clip.MOV', 'video/quicktime'],
    ['clip.webm', 'video/webm'],
    ['clip.m4v', 'video/mp4'],
  ])('serves %s as %s, from the contract’s extension table', async (name, type) => {
    const res = await fetch(`${web.origin}/${name}`);
    expect(res.headers.get('content-type')).toBe(type);
    await res.body?.cancel();
  });

  it('answers client-side routes with index.html, but missing files with 404', async () => {
    for (const route of ['/', '/studio', '/auth/callback?code=x&state=y', '/deep/link/']) {
      const res = await fetch(`${web.origin}${route}`);
      expect({ route, status: res.status }).toEqual({ route, status: 200 });
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>spa</title>');
    }
    expect((await fetch(`${web.origin}/assets/gone-9999.js`)).status).toBe(404);
  });

  it('swaps its extra headers at run time, for every file response', async () => {
    web.setHeaders({ 'x-frame-options': 'SAMEORIGIN', 'x-extra': 'yes' });
    try {
      const res = await fetch(`${web.origin}/studio`);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-extra')).toBe('yes');
    } finally {
      web.setHeaders({ 'x-frame-options': 'DENY' });
    }
    const after = await fetch(`${web.origin}/assets/app-1234.js`);
    expect(after.headers.get('x-frame-options')).toBe('DENY');
    expect(after.headers.get('x-extra')).toBeNull();
  });

  it('never serves a file outside its root', async () => {
    // fetch() would normalise the dots away itself, so send the raw, encoded path.
    const res = await rawGet(`${web.origin}/..%2fsecret.txt`);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('secret');
  });

  it('answers the API routes with a plain 502 while no upstream is set', async () => {
    const res = await fetch(`${web.origin}/api/v1/me`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/plain');
  });

  it('streams /api/* and /healthz to the upstream, body and status included', async () => {
    web.setApiUpstream(upstreamOrigin);
    try {
      const body = new Uint8Array(256 * 1024).fill(7);
      const res = await fetch(`${web.origin}/api/v1/uploads?x=1`, { method: 'POST', body });
      expect(res.status).toBe(201);
      expect(res.headers.get('x-upstream')).toBe('yes');
      expect(await res.json()).toEqual({ status: 'ok' });

      const health = await fetch(`${web.origin}/healthz`);
      expect(health.status).toBe(201);

      expect(seenByUpstream).toEqual([
        { method: 'POST', url: '/api/v1/uploads?x=1', bodyBytes: body.length },
        { method: 'GET', url: '/healthz', bodyBytes: 0 },
      ]);
    } finally {
      web.setApiUpstream(undefined);
    }
  });

  it('answers 502 when the upstream is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadOrigin = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));

    web.setApiUpstream(deadOrigin);
    try {
      const res = await fetch(`${web.origin}/healthz`);
      expect(res.status).toBe(502);
    } finally {
      web.setApiUpstream(undefined);
    }
  });
});
