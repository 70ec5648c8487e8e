import { EntityRepository, LockMode, raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { ReadScope } from '../../common/access/read-scope.js';
import type { Connection } from '../../common/pagination/connection.js';
import { findPagesByParent, type PageRequest } from '../../common/pagination/find-page.js';
import { Person } from '../person/person.entity.js';
import { Offering, Registration, RegistrationStatus } from './registration.entities.js';

export class RegistrationRepository extends EntityRepository<Registration> {
  /** Every registration change locks its offering first: the counts and the queue change one at a time. */
  lockOffering(offeringId: string): Promise<Offering | null> {
    return this.em.findOne(Offering, { id: offeringId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  findActive(offeringId: string, personId: string): Promise<Registration | null> {
    return this.findOne({ offering: offeringId, person: personId, status: { $ne: RegistrationStatus.CANCELLED } });
  }

  findFirstWaiting(offeringId: string): Promise<Registration | null> {
    return this.findOne({ offering: offeringId, status: RegistrationStatus.WAITLISTED, waitlistPosition: 1 });
  }

  /** Closes the queue up behind a position that was left. */
  async closeUpBehind(offeringId: string, position: number): Promise<void> {
    await this.em
      .createQueryBuilder(Registration)
      .update({ waitlistPosition: raw('waitlist_position - 1') })
      .where({ offering: offeringId, status: RegistrationStatus.WAITLISTED, waitlistPosition: { $gt: position } })
      .execute();
  }

  /** Registrations of the people a read scope covers (and always one's own). */
  visibleTo(scope: ReadScope): FilterQuery<Registration> {
    if (scope.everything) return {};
    const people = this.em.getRepository(Person);
    const visiblePeople = people.createQueryBuilder('p').select('p.id').where(people.visibleTo(scope) as never);
    return { person: { $in: visiblePeople.getKnexQuery() } } as unknown as FilterQuery<Registration>;
  }

  findVisible(id: string, scope: ReadScope): Promise<Registration | null> {
    return this.findOne({ $and: [{ id }, this.visibleTo(scope)] });
  }

  /** The same page of active registrations for each offering, in two statements. */
  findPagesByOffering(offeringIds: readonly string[], page: PageRequest<'registeredAt'>, scope: ReadScope): Promise<Map<string, Connection<Registration>>> {
    const where = () => ({ $and: [{ status: { $ne: RegistrationStatus.CANCELLED } }, this.visibleTo(scope)] }) as FilterQuery<Registration>;
    return findPagesByParent(this.em, Registration, { property: 'offering', column: 'offering_id' }, offeringIds, where, page);
  }
}
