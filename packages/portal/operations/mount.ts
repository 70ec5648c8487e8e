import type { RemoteModule } from '@evikomp/portal-shared';

// What the operations microfrontend offers the shell (exposed as `operations/mount`): cost shares, agreements and staff imports.
export const routes: RemoteModule['routes'] = [
  { path: '', name: 'operations-home', redirect: { name: 'operations-cost-shares' } },
  { path: 'cost-shares', name: 'operations-cost-shares', component: () => import('./components/CostSharesPage.vue') },
  { path: 'agreements', name: 'operations-agreements', component: () => import('./components/AgreementListPage.vue') },
  { path: 'staff-import', name: 'operations-staff-import', component: () => import('./components/StaffImportPage.vue') },
];
