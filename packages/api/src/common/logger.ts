import { pino, type Logger } from 'pino';
import type { AppConfig } from './config.js';

export type { Logger };

export function createLogger(config: Pick<AppConfig, 'logLevel' | 'nodeEnv'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'evikomp-api' },
    // Personal data never belongs in logs; redact the obvious carriers if they ever reach one.
    // Credentials (session cookies, API keys, passwords) and personal data never belong in logs.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.email', '*.phone'],
  });
}
