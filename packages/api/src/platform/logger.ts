import { pino, type Logger } from 'pino';
import type { AppConfig } from './config.js';

export type { Logger };

/** What of a database error may reach the log. */
const DATABASE_ERROR_FIELDS = ['code', 'severity', 'schema', 'table', 'column', 'constraint', 'routine'] as const;

/**
 * Database errors quote the statement with its bound values, and PostgreSQL's detail quotes the row:
 * e-mail addresses, message texts, reset codes. The log keeps the kind of error and where it arose.
 */
export function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  const raw = error as Record<string, unknown> | null;
  if (
    !raw ||
    typeof raw !== 'object' ||
    (typeof raw.sqlState !== 'string' && !(typeof raw.code === 'string' && /^[0-9A-Z]{5}$/.test(raw.code) && 'severity' in raw))
  )
    return serialized;
  const message = typeof raw.message === 'string' ? raw.message : '';
  const safe: Record<string, unknown> = {
    type: serialized.type,
    // MikroORM's message is "<statement> - <PostgreSQL's message>"; the latter names the constraint or the problem.
    message: message.includes(' - ') ? message.slice(message.lastIndexOf(' - ') + 3).split('\n')[0] : '(database error)',
    stack:
      typeof serialized.stack === 'string'
        ? serialized.stack
            .split('\n')
            .filter((line) => line.trimStart().startsWith('at '))
            .join('\n')
        : undefined,
  };
  for (const field of DATABASE_ERROR_FIELDS) if (raw[field] !== undefined) safe[field] = raw[field];
  return safe;
}

export function createLogger(config: Pick<AppConfig, 'logLevel' | 'nodeEnv'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'evikomp-api' },
    // Credentials (session cookies, API keys, passwords) and personal data never belong in logs.
    redact: [
      'req.headers.authorization',
      'req.headers.cookie',
      'res.headers["set-cookie"]',
      '*.password',
      '*.email',
      '*.phone',
      '*.identityNumber',
    ],
    serializers: { err: serializeError },
  });
}
