import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { OfferingStatus } from './offering.enums.js';

/** What an owner's list may be narrowed by, about the offerings behind it. */
export interface OfferingCriteria {
  status?: OfferingStatus | null;
  /** true: only offerings taking registrations at `now` (open, within the window); false: only the others. */
  openForRegistration?: boolean | null;
}

/**
 * The offering module's piece for its owners' list queries (cohorts, network meetings, events): the ids
 * of the offerings that meet the criteria, as a subquery. It names the module's own table so that the
 * owners never do.
 */
export function offeringIdsMatching(em: EntityManager, criteria: OfferingCriteria, now: Date): Knex.QueryBuilder {
  const query = em.getKnex().select('o.id').from('offering as o');
  if (criteria.status) query.where('o.status', criteria.status);
  if (criteria.openForRegistration !== undefined && criteria.openForRegistration !== null) {
    const open = (builder: Knex.QueryBuilder) =>
      builder
        .where('o.status', OfferingStatus.OPEN)
        .andWhere((opens) => void opens.whereNull('o.registration_opens_at').orWhere('o.registration_opens_at', '<=', now))
        .andWhere((closes) => void closes.whereNull('o.registration_closes_at').orWhere('o.registration_closes_at', '>', now));
    if (criteria.openForRegistration) query.andWhere(open);
    else query.andWhereNot(open);
  }
  return query;
}

/** Whether the criteria narrow anything (else the owners skip the subquery). */
export function narrowsOfferings(criteria: OfferingCriteria | null | undefined): criteria is OfferingCriteria {
  return Boolean(criteria && (criteria.status || (criteria.openForRegistration !== undefined && criteria.openForRegistration !== null)));
}
