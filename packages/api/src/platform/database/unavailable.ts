/** Network errors of a database that is down, restarting or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server going away or not yet there: class 08 (connection exceptions), and the server
 * shutting down (57P01 admin_shutdown, 57P02 crash_shutdown) or starting (57P03 cannot_connect_now).
 */
const UNAVAILABLE_STATE = /^(08...|57P0[123])$/;

/** What pg, the pool and MikroORM say when the connection went away while a statement was under way. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection (is )?closed|Client has encountered a connection error|Timeout acquiring a connection|the database system is (shutting down|starting up|not yet accepting connections|in recovery mode)|terminating connection due to administrator command/i;

/**
 * Whether an error means "the database cannot be reached for the moment" (as while PostgreSQL restarts),
 * rather than a bug: such requests may simply be tried again. Looks through causes and aggregated errors.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, sqlState, message, cause, errors, originalError } = error as {
    code?: unknown;
    sqlState?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
    originalError?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATE.test(code))) return true;
  if (typeof sqlState === 'string' && UNAVAILABLE_STATE.test(sqlState)) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  return [cause, originalError, ...(Array.isArray(errors) ? errors : [])].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** Seconds a client is asked to wait before trying again (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 2;

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database cannot be reached for a moment (it may be restarting): try again shortly.';
