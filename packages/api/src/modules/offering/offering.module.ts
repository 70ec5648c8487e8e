import { offeringDashboardSeries } from './offering.dashboard.js';
import { defineModule } from '../../platform/module/module-definition.js';
import { mapNullable } from '../../platform/module/map-nullable.js';
import { Attendance } from './attendance.entity.js';
import { OfferingQuota } from './offering-quota.entity.js';
import { OfferingSession } from './offering-session.entity.js';
import { Offering } from './offering.entity.js';
import {
  AttendanceResolver,
  OfferingResolver,
  PersonTrainingResolver,
  RegistrationResolver,
  SeatQuotaResolver,
  SessionResolver,
} from './offering.resolver.js';
import { toRegistrationObject, toSessionObject } from './offering.types.js';
import { RegistrationJobs } from './registration-jobs.js';
import { Registration } from './registration.entity.js';
import { registrationLoaders } from './registration.loaders.js';
import { offeringReadSql } from './offering.read-sql.js';
import { registrationPersonalData } from './registration.personal-data.js';
import { OfferingSessionRemoval } from './offering-session-removal.entity.js';
import { Migration20261201800100_session_sequence } from './migrations/Migration20261201800100_session_sequence.js';
import { portalLinks } from '../notification/portal-links.js';

export const offeringModule = defineModule({
  name: 'offering',
  dashboardSeries: offeringDashboardSeries,
  entities: [Offering, OfferingQuota, OfferingSession, OfferingSessionRemoval, Registration, Attendance],
  migrations: [{ name: 'Migration20261201800100_session_sequence', class: Migration20261201800100_session_sequence }],
  resolvers: [OfferingResolver, RegistrationResolver, SessionResolver, AttendanceResolver, SeatQuotaResolver, PersonTrainingResolver],
  readSql: offeringReadSql,
  loaders: registrationLoaders,
  personalData: registrationPersonalData,
  nodeTypes: [
    {
      typeName: 'Registration',
      entity: Registration,
      load: async (ctx, id) => mapNullable(await ctx.loaders.registration.load(id), toRegistrationObject),
    },
    // Sessions are as public as their offerings.
    {
      typeName: 'Session',
      entity: OfferingSession,
      load: async (ctx, id) => mapNullable(await ctx.loaders.session.load(id), toSessionObject),
    },
  ],
  jobs: ({ orm, logger, config }) => [
    new RegistrationJobs(
      orm,
      logger,
      config.jobsIntervalMs,
      config.reminderDaysBefore,
      portalLinks(config.publicUrl ?? `http://localhost:${config.port}`),
    ),
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    Registration: true;
    Session: true;
  }
}
