import { defineModule } from '../../platform/module/module-definition.js';
import { mapNullable } from '../../platform/module/map-nullable.js';
import { Cohort } from './cohort.entity.js';
import { cohortLoaders } from './cohort.loaders.js';
import { cohortReadSql } from './cohort.read-sql.js';
import { cohortObject, CohortResolver, RegistrationCohortResolver } from './cohort.resolver.js';
import { toProgrammeObject } from './cohort.types.js';
import { Programme } from './programme.entity.js';

export const cohortModule = defineModule({
  name: 'cohort',
  entities: [Programme, Cohort],
  resolvers: [CohortResolver, RegistrationCohortResolver],
  readSql: cohortReadSql,
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
      // Batched: `Registration.offering` loads cohorts through here.
      load: async (ctx, id) => {
        const cohort = await ctx.loaders.cohort.load(id);
        return cohort && cohortObject(cohort, ctx);
      },
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    Programme: true;
    Cohort: true;
  }
}
