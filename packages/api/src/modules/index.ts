import type { ModuleDefinition } from '../platform/module/module-definition.js';
import { actionPlanModule } from './action-plan/action-plan.module.js';
import { agreementModule } from './agreement/agreement.module.js';
import { apiClientModule } from './api-client/api-client.module.js';
import { auditModule } from './audit/audit.module.js';
import { authModule } from './auth/auth.module.js';
import { catalogueModule } from './catalogue/catalogue.module.js';
import { calendarModule } from './calendar/calendar.module.js';
import { cohortModule } from './cohort/cohort.module.js';
import { costShareModule } from './cost-share/cost-share.module.js';
import { dashboardModule } from './dashboard/dashboard.module.js';
import { eventModule } from './event/event.module.js';
import { identityNumberModule } from './identity-number/identity-number.module.js';
import { learningSessionModule } from './learning-session/learning-session.module.js';
import { networkModule } from './network/network.module.js';
import { notificationModule } from './notification/notification.module.js';
import { organisationModule } from './organisation/organisation.module.js';
import { personModule } from './person/person.module.js';
import { personalDataModule } from './personal-data/personal-data.module.js';
import { offeringModule } from './offering/offering.module.js';
import { roleAssignmentModule } from './role-assignment/role-assignment.module.js';
import { staffModule } from './staff/staff.module.js';
import { statisticsModule } from './statistics/statistics.module.js';
import { workplaceModule } from './workplace/workplace.module.js';

/** The one list of modules: everything central is derived from it. Adding a domain is one folder and one line here. */
export const MODULES: readonly ModuleDefinition[] = [
  organisationModule,
  agreementModule,
  costShareModule,
  workplaceModule,
  personModule,
  identityNumberModule,
  roleAssignmentModule,
  authModule,
  apiClientModule,
  auditModule,
  personalDataModule,
  notificationModule,
  offeringModule,
  cohortModule,
  networkModule,
  eventModule,
  calendarModule,
  statisticsModule,
  staffModule,
  catalogueModule,
  actionPlanModule,
  dashboardModule,
  learningSessionModule,
];
