import { Agent, createServer, request, type IncomingHttpHeaders } from 'node:http';

/**
 * The floor: the least a Node proxy can do per chunk. Each incoming PUT is piped, headers and all,
 * into a PUT to the same path at the sandbox, and the answer is piped back. No parsing, no checks,
 * no sessions. Whatever the real proxy costs beyond this is the price of its features.
 */
const target = new URL(process.env.BENCH_PIPE_TARGET ?? '');
if (!target.host || !process.send) {
  console.error('pipe-proxy: start me with fork() and BENCH_PIPE_TARGET=<sandbox origin>');
  process.exit(1);
}

// Keep-alive to the upstream, as the real proxy's undici pool does.
const agent = new Agent({ keepAlive: true });

function forwardedHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { host: _host, connection: _connection, ...rest } = headers;
  return { ...rest, host: target.host };
}

const server = createServer((req, res) => {
  const upstream = request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: forwardedHeaders(req.headers),
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502).end();
    else res.destroy();
  });
  req.pipe(upstream);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('pipe-proxy: no TCP address');
  process.send?.({ url: `http://127.0.0.1:${address.port}` });
});

process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
