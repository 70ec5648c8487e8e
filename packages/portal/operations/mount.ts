import type { RemoteModule } from '@evikomp/portal-shared';

// What the operations microfrontend offers the shell (exposed as `operations/mount`): cost shares and agreements.
export const routes: RemoteModule['routes'] = [
  { path: '', name: 'operations-home', redirect: { name: 'operations-cost-shares' } },
  { path: 'cost-shares', name: 'operations-cost-shares', component: () => import('./components/CostSharesPage.vue') },
  { path: 'agreements', name: 'operations-agreements', component: () => import('./components/AgreementListPage.vue') },
];
