import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { column, type ReadSqlPieces } from '../../platform/read-compiler/read-sql.js';
import { offeringRegistrationsField, offeringScalars } from '../offering/offering.read-sql.js';
import { OfferingPolicy } from '../offering/offering.policy.js';
import { CohortObject } from './cohort.types.js';

const offeringIdOf = (alias: string) => `${alias}.offering_id`;

/** The cohort module's pieces for the read compiler: a cohort by id, its offering's fields and its registrations. */
export const cohortReadSql: ReadSqlPieces = {
  types: [
    {
      typeName: 'Cohort',
      node: true,
      objectClass: CohortObject,
      keys: {
        entityId: (alias) => `${alias}.id`,
        programmeEntityId: (alias) => `${alias}.programme_id`,
        offeringEntityId: offeringIdOf,
      },
      scalars: {
        name: column('name'),
        description: column('description'),
        ...offeringScalars(offeringIdOf),
      },
      fields: { registrations: offeringRegistrationsField(offeringIdOf) },
    },
  ],
  roots: {
    // Cohorts are public to everyone signed in and to API clients with a training scope (`CohortService.find`).
    cohort: {
      kind: 'byId',
      type: 'Cohort',
      table: 'cohort',
      where: (alias, id, ctx) => {
        const decoded = fromGlobalId(id, 'Cohort');
        return decoded && OfferingPolicy.of(ctx.access).canReadTraining() ? `${alias}.id = ${ctx.bind(decoded.id)}` : 'false';
      },
    },
  },
};
