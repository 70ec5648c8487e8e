import type { RemoteModule } from '@evikomp/portal-shared';

// What the directory microfrontend offers the shell (exposed as `directory/mount`); pages load when first visited.
export const routes: RemoteModule['routes'] = [
  {
    path: '',
    component: () => import('./components/DirectoryLayout.vue'),
    children: [
      { path: '', redirect: { name: 'directory-organisations' } },
      { path: 'organisations', name: 'directory-organisations', component: () => import('./components/OrganisationListPage.vue') },
      {
        path: 'organisations/new',
        name: 'directory-organisation-new',
        component: () => import('./components/OrganisationFormPage.vue'),
      },
      { path: 'organisations/:id', name: 'directory-organisation', component: () => import('./components/OrganisationPage.vue') },
      {
        path: 'organisations/:id/edit',
        name: 'directory-organisation-edit',
        component: () => import('./components/OrganisationFormPage.vue'),
      },
      { path: 'workplaces', name: 'directory-workplaces', component: () => import('./components/WorkplaceListPage.vue') },
      { path: 'workplaces/new', name: 'directory-workplace-new', component: () => import('./components/WorkplaceFormPage.vue') },
      { path: 'workplaces/:id', name: 'directory-workplace', component: () => import('./components/WorkplacePage.vue') },
      { path: 'workplaces/:id/edit', name: 'directory-workplace-edit', component: () => import('./components/WorkplaceFormPage.vue') },
      { path: 'people', name: 'directory-people', component: () => import('./components/PersonListPage.vue') },
      { path: 'people/new', name: 'directory-person-new', component: () => import('./components/PersonFormPage.vue') },
      { path: 'people/:id', name: 'directory-person', component: () => import('./components/PersonPage.vue') },
      { path: 'people/:id/edit', name: 'directory-person-edit', component: () => import('./components/PersonFormPage.vue') },
    ],
  },
];
