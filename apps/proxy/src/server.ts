import { buildApp } from './app';
import { ConfigError, loadConfigFromProcess, type Config } from './config';

/**
 * The process edge: read config, listen, shut down gracefully. Everything testable lives in app.ts.
 */
function readConfigOrExit(): Config {
  try {
    return loadConfigFromProcess();
  } catch (error) {
    if (error instanceof ConfigError) {
      // Refuse to start, naming each variable and never printing a value
      // (docs/requirements/product-promises.md#secret-stays-in-proxy).
      process.stderr.write(`content-studio proxy: refusing to start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfigOrExit();
const app = await buildApp(config);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: no new requests, letting in-flight ones finish');
  const force = setTimeout(() => {
    app.log.error('shutdown grace period elapsed with requests still running; exiting');
    process.exit(1);
  }, config.server.shutdownGraceMs);
  force.unref();
  await app.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ host: config.server.host, port: config.server.port });
if (app.metricsServer && config.metrics) {
  const address = await app.metricsServer.listen({ host: config.server.host, port: config.metrics.port });
  app.log.info({ address: `${address}/metrics` }, 'metrics endpoint listening');
}
