import {
  column,
  decodeTimestamp,
  timestampColumn,
  type ReadSqlContext,
  type ReadSqlField,
  type ReadSqlPieces,
  type ReadSqlScalar,
} from '../../platform/read-compiler/read-sql.js';
import { personReadableSql, personVisibleSql } from '../person/person.read-sql.js';
import { ENDED, RegistrationStatus } from './offering.enums.js';
import { OfferingPolicy } from './offering.policy.js';
import { Registration } from './registration.entity.js';
import { RegistrationObject } from './offering.types.js';

/** The registrations the caller may read (as `RegistrationRepository.visibleTo`: of the people the registration scope covers). */
export function registrationVisibleSql(alias: string, ctx: ReadSqlContext): string {
  const scope = OfferingPolicy.of(ctx.access).registrationScope();
  if (scope.everything) return 'true';
  const p = ctx.alias('rp');
  return `exists (select 1 from person ${p} where ${p}.id = ${alias}.person_id and ${personVisibleSql(p, scope, null, ctx)})`;
}

/** A column of the offering behind the row (`offeringId` is the SQL of its id), as one value. */
function offeringColumn(offeringId: (alias: string) => string, sql: string, decode?: (value: unknown) => unknown): ReadSqlScalar {
  return {
    sql: (alias) => `(select ${sql} from offering o where o.id = ${offeringId(alias)})`,
    ...(decode ? { decode } : {}),
  };
}

/**
 * The `Offering` interface's fields of a cohort, network meeting or event, read from its offering row (as
 * `offeringFields` maps them); `offeringId` is the SQL of the owner row's offering id.
 */
export function offeringScalars(offeringId: (alias: string) => string): Record<string, ReadSqlScalar> {
  return {
    status: offeringColumn(offeringId, 'o.status'),
    capacity: offeringColumn(offeringId, 'o.capacity'),
    confirmedCount: offeringColumn(offeringId, 'o.confirmed_count'),
    offeredCount: offeringColumn(offeringId, 'o.offered_count'),
    waitlistCount: offeringColumn(offeringId, 'o.waitlisted_count'),
    registrationOpensAt: offeringColumn(offeringId, 'o.registration_opens_at', decodeTimestamp),
    registrationClosesAt: offeringColumn(offeringId, 'o.registration_closes_at', decodeTimestamp),
    audienceRoles: offeringColumn(offeringId, 'o.audience_roles'),
    promotionPolicy: offeringColumn(offeringId, 'o.promotion_policy'),
    offerHoldHours: offeringColumn(offeringId, 'o.offer_hold_hours'),
    quotaReleaseAt: offeringColumn(offeringId, 'o.quota_release_at', decodeTimestamp),
    quotasReleased: offeringColumn(offeringId, 'o.quotas_released_at is not null'),
    requiresApproval: offeringColumn(offeringId, 'o.requires_approval'),
  };
}

/**
 * `Offering.registrations` of a cohort, network meeting or event (`offeringId`: the SQL of the owner row's
 * offering id): the registrations the caller may read that have not ended, or those of one status, in the
 * order `findPagesByOffering` pages them (the queue by its position).
 */
export function offeringRegistrationsField(offeringId: (alias: string) => string): ReadSqlField {
  return {
    kind: 'connection',
    connection: {
      type: 'Registration',
      entity: Registration,
      table: 'registration',
      where: (parent, child, args, ctx) => {
        const status = (args.status ?? null) as RegistrationStatus | null;
        const ofStatus = status
          ? `${child}.status = ${ctx.bind(status)}`
          : `${child}.status not in (${ENDED.map((ended) => ctx.bind(ended)).join(', ')})`;
        return `${child}.offering_id = ${offeringId(parent!)} and ${ofStatus} and ${registrationVisibleSql(child, ctx)}`;
      },
      order: (args) =>
        args.status === RegistrationStatus.WAITLISTED
          ? { properties: ['waitlistPosition', 'id'], columns: ['waitlist_position', 'id'], direction: 'asc' }
          : { properties: ['registeredAt', 'id'], columns: ['registered_at', 'id'], direction: 'asc' },
    },
  };
}

/** The offering module's pieces for the read compiler. */
export const offeringReadSql: ReadSqlPieces = {
  types: [
    {
      typeName: 'Registration',
      node: true,
      objectClass: RegistrationObject,
      keys: {
        entityId: (alias) => `${alias}.id`,
        personEntityId: (alias) => `${alias}.person_id`,
        offeringEntityId: (alias) => `${alias}.offering_id`,
      },
      scalars: {
        status: column('status'),
        waitlistPosition: column('waitlist_position'),
        registeredAt: timestampColumn('registered_at'),
        cancelledAt: timestampColumn('cancelled_at'),
        offerExpiresAt: timestampColumn('offer_expires_at'),
        completedOn: column('completed_on'),
        rejectionReason: column('rejection_reason'),
      },
      fields: {
        // As `ctx.loaders.person`: the people the directory read scope covers (null otherwise).
        person: {
          kind: 'one',
          type: 'Person',
          join: (parent, child, ctx) => ({
            table: 'person',
            where: `${child}.id = ${parent}.person_id and ${personReadableSql(child, ctx)}`,
          }),
        },
      },
    },
  ],
};
