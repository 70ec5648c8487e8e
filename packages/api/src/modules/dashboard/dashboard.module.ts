import { defineModule } from '../../platform/module/module-definition.js';
import { DashboardResolver, DashboardSeriesResolver } from './dashboard.resolver.js';
import { dashboardExportRouter } from './dashboard.routes.js';

/**
 * The dashboard: monthly figures per organisation and for the county, made of the series other modules declare
 * (`dashboardSeries` in their manifests), and their streamed XLSX and CSV exports under `/exports`.
 */
export const dashboardModule = defineModule({
  name: 'dashboard',
  resolvers: [DashboardResolver, DashboardSeriesResolver],
  routes: [{ path: '/exports', router: dashboardExportRouter }],
});
