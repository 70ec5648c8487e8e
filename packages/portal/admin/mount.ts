import type { RemoteModule } from '@evikomp/portal-shared';

// What the admin microfrontend offers the shell (exposed as `admin/mount`): one placeholder page for now.
export const routes: RemoteModule['routes'] = [
  { path: '', name: 'admin-home', component: () => import('./components/AdminPlaceholderPage.vue') },
];
