import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler, type Router } from 'express';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { RequestError } from '../../platform/errors/request-error.js';
import type { RouteDependencies } from '../../platform/module/module-definition.js';
import { DashboardService } from './dashboard.service.js';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * `GET /exports/dashboard.xlsx` and `/exports/dashboard.csv` (`?organisationId=&from=YYYY-MM&to=YYYY-MM&language=sv|en`):
 * the dashboard as a file, streamed as the rows are read. The caller is found as for `/graphql` (the session cookie,
 * or an API key with READ_STATISTICS), with the dashboard's access rules; errors answer JSON `{ error, code }`.
 */
export function dashboardExportRouter(_orm: MikroORM, dependencies: RouteDependencies): Router {
  const router = express.Router();

  router.get('/dashboard.:format', async (req, res) => {
    const format = req.params.format;
    if (format !== 'xlsx' && format !== 'csv') throw new RequestError('BAD_USER_INPUT', 'The file is dashboard.xlsx or dashboard.csv.');
    const ctx = await dependencies.requestContext(req, res);
    if (ctx.actor.kind === 'anonymous') throw new RequestError('UNAUTHENTICATED', 'Sign in first.');
    const language = text(req.query.language) ?? 'sv';
    if (language !== 'sv' && language !== 'en')
      throw new RequestError('BAD_USER_INPUT', '`language` is sv or en.', { argumentName: 'language' });
    const givenOrganisation = text(req.query.organisationId);
    const organisationId = givenOrganisation === null ? null : (fromGlobalId(givenOrganisation, 'Organisation')?.id ?? undefined);
    if (organisationId === undefined) {
      throw new RequestError('BAD_USER_INPUT', '`organisationId` is not the id of an Organisation.', { argumentName: 'organisationId' });
    }
    const file = await ctx.service(DashboardService).export(organisationId, text(req.query.from), text(req.query.to), format, language);
    res.status(200).set({
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    await file.write(res);
  });

  router.use((_req, res) => void res.status(404).json({ error: 'Not found' }));

  const failed: ErrorRequestHandler = (error, req, res, next) => {
    if (error instanceof RequestError && !res.headersSent) {
      if (error.details.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(error.details.retryAfterSeconds));
      const argument = error.details.argumentName ? { argumentName: error.details.argumentName } : {};
      res.status(error.status).json({ error: error.message, code: error.code, ...argument });
      return;
    }
    // Once rows are written the status is sent: cut the response, so the file is visibly incomplete.
    if (res.headersSent) {
      req.log.error({ err: error }, 'dashboard export failed');
      return void res.destroy();
    }
    next(error);
  };
  router.use(failed);
  return router;
}
