import { defineModule } from '../../platform/module/module-definition.js';
import { mapNullable } from '../../platform/module/map-nullable.js';
import { OfferingSession, Registration } from '../registration/registration.entities.js';
import { Cohort, Programme } from './cohort.entities.js';
import { cohortLoaders } from './cohort.loaders.js';
import {
  AttendanceResolver,
  CohortResolver,
  PersonTrainingResolver,
  RegistrationResolver,
  SeatQuotaResolver,
  SessionResolver,
} from './cohort.resolver.js';
import { CohortService } from './cohort.service.js';
import { toCohortObject, toProgrammeObject, toRegistrationObject, toSessionObject } from './cohort.types.js';

export const cohortModule = defineModule({
  name: 'cohort',
  entities: [Programme, Cohort],
  resolvers: [CohortResolver, RegistrationResolver, SessionResolver, AttendanceResolver, SeatQuotaResolver, PersonTrainingResolver],
  loaders: cohortLoaders,
  nodeTypes: [
    {
      typeName: 'Programme',
      entity: Programme,
      load: async (ctx, id) => mapNullable(await ctx.loaders.programme.load(id), toProgrammeObject),
    },
    {
      typeName: 'Cohort',
      entity: Cohort,
      load: async (ctx, id) => {
        const cohort = await ctx.service(CohortService).find(id);
        return cohort && toCohortObject(cohort, (await ctx.loaders.offering.load(cohort.offering.id))!);
      },
    },
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
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    Programme: true;
    Cohort: true;
    Registration: true;
    Session: true;
  }
}
