import type { RemoteModule } from '@evikomp/portal-shared';

// What the admin microfrontend offers the shell (exposed as `admin/mount`); pages load when first visited.
export const routes: RemoteModule['routes'] = [
  {
    path: '',
    component: () => import('./components/AdminLayout.vue'),
    children: [
      { path: '', redirect: { name: 'admin-audit' } },
      { path: 'audit', name: 'admin-audit', component: () => import('./components/AuditTrailPage.vue') },
      { path: 'api-clients', name: 'admin-api-clients', component: () => import('./components/ApiClientsPage.vue') },
      { path: 'personal-data', name: 'admin-personal-data', component: () => import('./components/PersonalDataPage.vue') },
    ],
  },
];
