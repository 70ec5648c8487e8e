import type { RemoteModule } from '@evikomp/portal-shared';

// What the me microfrontend offers the shell (exposed as `me/mount`): the signed-in person's own page, and one of
// their registrations (the page e-mails link to, `PORTAL_PAGES.registration` in the API).
export const routes: RemoteModule['routes'] = [
  { path: '', name: 'me-home', component: () => import('./components/MePage.vue') },
  {
    path: 'registrations/:registrationId',
    name: 'me-registration',
    component: () => import('./components/RegistrationPage.vue'),
  },
];
