import type { RemoteModule } from '@evikomp/portal-shared';

// What the me microfrontend offers the shell (exposed as `me/mount`): one placeholder page for now.
export const routes: RemoteModule['routes'] = [
  { path: '', name: 'me-home', component: () => import('./components/MePlaceholderPage.vue') },
];
