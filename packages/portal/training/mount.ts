import type { RemoteModule } from '@evikomp/portal-shared';

// What the training microfrontend offers the shell (exposed as `training/mount`): one placeholder page for now.
export const routes: RemoteModule['routes'] = [
  { path: '', name: 'training-home', component: () => import('./components/TrainingPlaceholderPage.vue') },
];
