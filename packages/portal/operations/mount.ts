import type { RemoteModule } from '@evikomp/portal-shared';
import './styles/operations.css';

// What the operations microfrontend offers the shell (exposed as `operations/mount`): cost shares, agreements, staff
// imports, the learning catalogue, the workplaces' action plans, learning sessions with their attested hours and the
// dashboard.
export const routes: RemoteModule['routes'] = [
  { path: '', name: 'operations-home', component: () => import('./components/OperationsHome.vue') },
  { path: 'cost-shares', name: 'operations-cost-shares', component: () => import('./components/CostSharesPage.vue') },
  { path: 'cost-shares/key', name: 'operations-distribution-key', component: () => import('./components/DistributionKeyPage.vue') },
  { path: 'agreements', name: 'operations-agreements', component: () => import('./components/AgreementListPage.vue') },
  { path: 'agreements/new', name: 'operations-agreement-create', component: () => import('./components/AgreementFormPage.vue') },
  { path: 'agreements/:id/edit', name: 'operations-agreement-edit', component: () => import('./components/AgreementFormPage.vue') },
  { path: 'staff-import', name: 'operations-staff-import', component: () => import('./components/StaffImportPage.vue') },
  { path: 'catalogue', name: 'operations-catalogue', component: () => import('./components/CataloguePage.vue') },
  { path: 'catalogue/import', name: 'operations-catalogue-import', component: () => import('./components/CatalogueImportPage.vue') },
  { path: 'catalogue/new', name: 'operations-learning-track-create', component: () => import('./components/CatalogueItemFormPage.vue') },
  { path: 'catalogue/:id', name: 'operations-learning-track', component: () => import('./components/LearningTrackPage.vue') },
  { path: 'catalogue/:id/edit', name: 'operations-learning-track-edit', component: () => import('./components/CatalogueItemFormPage.vue') },
  {
    path: 'catalogue/:id/modules/new',
    name: 'operations-learning-module-create',
    component: () => import('./components/CatalogueItemFormPage.vue'),
  },
  {
    path: 'catalogue/:id/modules/:moduleId/edit',
    name: 'operations-learning-module-edit',
    component: () => import('./components/CatalogueItemFormPage.vue'),
  },
  { path: 'dashboard', name: 'operations-dashboard', component: () => import('./components/DashboardPage.vue') },
  { path: 'action-plans', name: 'operations-action-plans', component: () => import('./components/ActionPlanListPage.vue') },
  { path: 'action-plans/:id', name: 'operations-action-plan', component: () => import('./components/ActionPlanPage.vue') },
  { path: 'learning-sessions', name: 'operations-learning-sessions', component: () => import('./components/LearningSessionListPage.vue') },
  {
    path: 'learning-sessions/new',
    name: 'operations-learning-session-create',
    component: () => import('./components/LearningSessionFormPage.vue'),
  },
  { path: 'learning-sessions/attest', name: 'operations-learning-attest', component: () => import('./components/LearningAttestPage.vue') },
  {
    path: 'learning-sessions/closed-months',
    name: 'operations-learning-month-closes',
    component: () => import('./components/LearningMonthClosesPage.vue'),
  },
  { path: 'learning-sessions/:id', name: 'operations-learning-session', component: () => import('./components/LearningSessionPage.vue') },
];
