import type { RemoteModule } from '@evikomp/portal-shared';

// What the networks microfrontend offers the shell (exposed as `networks/mount`): one placeholder page for now.
export const routes: RemoteModule['routes'] = [
  { path: '', name: 'networks-home', component: () => import('./components/NetworksPlaceholderPage.vue') },
];
