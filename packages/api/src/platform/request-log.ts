import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino } from 'pino';
import type { Logger } from './logger.js';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request's id: the caller's `x-request-id` when it is a plain token, else a new UUID. */
    id: string;
    /** A logger whose lines carry the request (method, URL without link tokens, headers without credentials). */
    log: Logger;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The request log: every request gets an id (echoed in `x-request-id`) and, when it has finished, one line
 * at info level ("request completed"; "request aborted" when the client left first; at error level "request errored" for a 5xx) with the request, the
 * status and the response time, as pino-http wrote it. The request's logger (`req.log`) is made when first
 * used: at warn level a request that logs nothing serializes and redacts nothing.
 */
export function requestLog(options: {
  logger: Logger;
  /** The URL as the log may show it (link tokens removed). */
  redactUrl: (url: string) => string;
  /** Requests not logged when they complete (health checks). */
  ignore: (req: IncomingMessage) => boolean;
}) {
  const { logger } = options;
  const serializers = {
    req: (req: IncomingMessage) => {
      const serialized = pino.stdSerializers.req(req) as unknown as { url: string; params?: unknown; query?: unknown };
      serialized.url = options.redactUrl(serialized.url);
      // The logger is made late, when a route has filled in its path parameters (e.g. a calendar feed's token) and
      // the query: neither is logged, the URL without link tokens says what was asked.
      delete serialized.params;
      delete serialized.query;
      return serialized;
    },
    res: pino.stdSerializers.res,
  };
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', id);
    req.id = id;
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      enumerable: false,
      get: () => (child ??= logger.child({ req }, { serializers })),
    });
    if (!options.ignore(req)) {
      const started = Date.now();
      let logged = false;
      const done = () => {
        if (logged) return;
        logged = true;
        // Closed before the answer was written: the client gave up (a timeout, a cut connection).
        const aborted = !res.writableEnded;
        const failed = !aborted && res.statusCode >= 500;
        const level = failed ? 'error' : 'info';
        if (!logger.isLevelEnabled(level)) return;
        const line = { res, responseTime: Date.now() - started };
        if (aborted) req.log.info(line, 'request aborted');
        else if (failed) req.log.error({ ...line, err: new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
        else req.log.info(line, 'request completed');
      };
      res.once('finish', done);
      res.once('close', done);
    }
    next();
  };
}
