import type { RemoteModule } from '@evikomp/portal-shared';

// What the directory microfrontend offers the shell (exposed as `directory/mount`); pages load when first visited.
export const routes: RemoteModule['routes'] = [
  { path: '', redirect: { name: 'directory-organisations' } },
  { path: 'organisations', name: 'directory-organisations', component: () => import('./components/OrganisationListPage.vue') },
];
