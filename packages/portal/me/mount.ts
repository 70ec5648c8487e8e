import type { RemoteModule } from '@evikomp/portal-shared';

// What the me microfrontend offers the shell (exposed as `me/mount`): the signed-in person's own page.
export const routes: RemoteModule['routes'] = [{ path: '', name: 'me-home', component: () => import('./components/MePage.vue') }];
