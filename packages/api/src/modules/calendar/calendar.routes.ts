import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler, type Router } from 'express';
import { renderCalendarFeed } from './calendar-feed.service.js';

/** Feed tokens are credentials: logs show the path without them. */
export function withoutFeedToken(url: string): string {
  return url.replace(/^\/calendar\/[^?#]*/, '/calendar/[token]');
}

function notFound(res: express.Response): void {
  res.status(404).set('Cache-Control', 'no-store').type('text/plain').send('Not found');
}

/**
 * `GET /calendar/:token.ics`: the iCalendar feed behind a secret token, for calendar apps (which
 * send no cookies). It opens nothing else: no caller is resolved, and only this feed is read.
 */
export function calendarRouter(orm: MikroORM): Router {
  const router = express.Router();

  router.get('/:token.ics', async (req, res) => {
    const body = await renderCalendarFeed(orm.em.fork(), req.params.token);
    // Unknown, malformed and revoked tokens answer alike, so a response tells nothing about a token.
    if (body === null) return notFound(res);
    res
      .status(200)
      .set({
        'Cache-Control': 'private, max-age=300',
        'X-Content-Type-Options': 'nosniff',
        'Content-Disposition': 'inline; filename="evikomp.ics"',
      })
      .type('text/calendar; charset=utf-8')
      .send(body);
  });

  router.use((_req, res) => notFound(res));

  // Bad escapes in the path, a database failure: a short answer, the details only in the log.
  const failed: ErrorRequestHandler = (error, req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (status >= 500) req.log.error({ err: error }, 'calendar feed failed');
    if (res.headersSent) return void res.end();
    if (status < 500) return notFound(res);
    res.status(500).type('text/plain').send('Internal server error');
  };
  router.use(failed);
  return router;
}
