import type { RemoteModule } from '@evikomp/portal-shared';

// What the networks microfrontend offers the shell (exposed as `networks/mount`); pages load when first visited.
export const routes: RemoteModule['routes'] = [
  {
    path: '',
    component: () => import('./components/NetworksLayout.vue'),
    children: [
      { path: '', name: 'networks-list', component: () => import('./components/NetworkListPage.vue') },
      { path: 'new', name: 'networks-create', component: () => import('./components/NetworkFormPage.vue') },
      { path: 'events', name: 'networks-events', component: () => import('./components/EventListPage.vue') },
      { path: 'events/new', name: 'networks-event-create', component: () => import('./components/EventFormPage.vue') },
      { path: 'events/:eventId', name: 'networks-event', component: () => import('./components/EventPage.vue') },
      { path: 'events/:eventId/edit', name: 'networks-event-edit', component: () => import('./components/EventFormPage.vue') },
      { path: 'meetings/:meetingId', name: 'networks-meeting', component: () => import('./components/MeetingPage.vue') },
      { path: 'meetings/:meetingId/edit', name: 'networks-meeting-edit', component: () => import('./components/MeetingFormPage.vue') },
      { path: ':networkId', name: 'networks-network', component: () => import('./components/NetworkPage.vue') },
      { path: ':networkId/edit', name: 'networks-network-edit', component: () => import('./components/NetworkFormPage.vue') },
      { path: ':networkId/meetings/new', name: 'networks-meeting-create', component: () => import('./components/MeetingFormPage.vue') },
    ],
  },
];
