import 'reflect-metadata';
import { ConfigError, loadConfig, type AppConfig } from './platform/config.js';
import { createLogger } from './platform/logger.js';
import { startServer } from './server.js';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);
  const server = await startServer(config, logger);
  console.log(`\n  Evikomp API ready at ${server.url}/graphql\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await server.stop();
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // One sentence, no stack trace: a StartupError names the cause and the fix; anything else at least says what failed.
  const reason = error instanceof Error ? error.message : error === undefined ? 'an unknown error (nothing was reported)' : String(error);
  console.error(`Evikomp API failed to start: ${reason}`);
  process.exit(1);
});
