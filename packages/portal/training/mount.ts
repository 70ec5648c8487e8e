import type { RemoteModule } from '@evikomp/portal-shared';

// What the training microfrontend offers the shell (exposed as `training/mount`); pages load when first visited.
export const routes: RemoteModule['routes'] = [
  { path: '', name: 'training-home', component: () => import('./components/TrainingHomePage.vue') },
  { path: 'programmes', name: 'training-programmes', component: () => import('./components/ProgrammeListPage.vue') },
  { path: 'programmes/new', name: 'training-programme-new', component: () => import('./components/ProgrammeFormPage.vue') },
  { path: 'programmes/:programmeId', name: 'training-programme', component: () => import('./components/ProgrammePage.vue'), props: true },
  {
    path: 'programmes/:programmeId/edit',
    name: 'training-programme-edit',
    component: () => import('./components/ProgrammeFormPage.vue'),
    props: true,
  },
  {
    path: 'programmes/:programmeId/cohorts/new',
    name: 'training-cohort-new',
    component: () => import('./components/CohortFormPage.vue'),
    props: true,
  },
  { path: 'cohorts/:cohortId', name: 'training-cohort', component: () => import('./components/CohortPage.vue'), props: true },
  { path: 'cohorts/:cohortId/edit', name: 'training-cohort-edit', component: () => import('./components/CohortFormPage.vue'), props: true },
  {
    path: 'cohorts/:cohortId/sessions/new',
    name: 'training-session-new',
    component: () => import('./components/SessionFormPage.vue'),
    props: true,
  },
  {
    path: 'cohorts/:cohortId/sessions/:sessionId/edit',
    name: 'training-session-edit',
    component: () => import('./components/SessionFormPage.vue'),
    props: true,
  },
  {
    path: 'sessions/:sessionId/attendance',
    name: 'training-attendance',
    component: () => import('./components/AttendancePage.vue'),
    props: true,
  },
  { path: 'approvals', name: 'training-approvals', component: () => import('./components/ApprovalsPage.vue') },
  { path: 'statistics', name: 'training-statistics', component: () => import('./components/StatisticsPage.vue') },
];
