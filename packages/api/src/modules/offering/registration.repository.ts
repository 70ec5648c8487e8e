import { EntityRepository, LockMode, raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { ReadScope } from '../../platform/access/read-scope.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, findPagesByParent, type PageRequest } from '../../platform/pagination/find-page.js';
import { Person } from '../person/person.entity.js';
import { ENDED, PLACE_HOLDING, RegistrationStatus } from './offering.enums.js';
import { Offering } from './offering.entity.js';
import { Registration } from './registration.entity.js';
import { SWEDISH_TIME_ZONE } from '../../platform/swedish-time.js';
import { recordLockTaken } from '../../platform/database/query-counter.js';

/** The SQL for an offering's name, given the column holding its id: cohorts name their offering; network meetings and events will join here. */
export function offeringNameSql(offeringIdColumn: string): string {
  return `coalesce((select name from cohort where offering_id = ${offeringIdColumn}),
    (select n.name || ': ' || m.title from network_meeting m join network n on n.id = m.network_id where m.offering_id = ${offeringIdColumn}),
    (select name from event where offering_id = ${offeringIdColumn}), 'Evikomp')`;
}

export interface DueSessionReminder {
  registration_id: string;
  person_id: string;
  session_id: string;
  starts_at: Date;
  ends_at: Date;
  title: string | null;
  venue: string | null;
  online_url: string | null;
  offering_kind: string;
  /** Whether it is the offering's first session. */
  is_first: boolean;
  offering_name: string;
}

export class RegistrationRepository extends EntityRepository<Registration> {
  /** Every registration change locks its offering first: the counts and the queue change one at a time. */
  async lockOffering(offeringId: string): Promise<Offering | null> {
    // Refreshed: the counts may have changed since an unlocked read in the same transaction.
    const offering = await this.em.findOne(Offering, { id: offeringId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    recordLockTaken();
    return offering;
  }

  findActive(offeringId: string, personId: string): Promise<Registration | null> {
    return this.findOne({ offering: offeringId, person: personId, status: { $nin: ENDED } });
  }

  // Queue reads refresh: bulk position updates in the same transaction bypass the identity map.
  async findAtPosition(offeringId: string, position: number): Promise<Registration | null> {
    await this.em.flush();
    return this.findOne({ offering: offeringId, status: RegistrationStatus.WAITLISTED, waitlistPosition: position }, { refresh: true });
  }

  async findWaitlist(offeringId: string): Promise<Registration[]> {
    await this.em.flush();
    return this.find(
      { offering: offeringId, status: RegistrationStatus.WAITLISTED },
      { orderBy: { waitlistPosition: 'asc' }, refresh: true },
    );
  }

  async findExpiredOffers(offeringId: string, now: Date): Promise<Registration[]> {
    await this.em.flush();
    return this.find(
      { offering: offeringId, status: RegistrationStatus.OFFERED, offerExpiresAt: { $lte: now } },
      { orderBy: { offerExpiresAt: 'asc', id: 'asc' }, refresh: true },
    );
  }

  /** Offerings with offers that expired by `now`, for the expiry job. */
  async findOfferingsWithExpiredOffers(now: Date, limit: number): Promise<string[]> {
    const rows: { offering_id: string }[] = await this.em.execute(
      `select offering_id from registration where status = 'OFFERED' and offer_expires_at <= ? group by offering_id order by min(offer_expires_at), offering_id limit ?`,
      [now, limit],
    );
    return rows.map((row) => row.offering_id);
  }

  /** Places held (confirmed or offered) per organisation. */
  async countPlacesByOrganisation(offeringId: string): Promise<Map<string, number>> {
    await this.em.flush();
    const rows: { organisation_id: string; places: string }[] = await this.em.execute(
      `select organisation_id, count(*) as places from registration where offering_id = ? and status in (?, ?) group by organisation_id`,
      [offeringId, ...PLACE_HOLDING],
    );
    return new Map(rows.map((row) => [row.organisation_id, Number(row.places)]));
  }

  /** Shifts the queue positions from..to (inclusive) by one place. */
  async shiftQueue(offeringId: string, range: { from: number; to: number; by: 1 | -1 }): Promise<void> {
    await this.em
      .createQueryBuilder(Registration)
      .update({ waitlistPosition: raw(`waitlist_position + ${range.by}`) })
      .where({ offering: offeringId, status: RegistrationStatus.WAITLISTED, waitlistPosition: { $gte: range.from, $lte: range.to } })
      .execute();
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
    const visiblePeople = people
      .createQueryBuilder('p')
      .select('p.id')
      .where(people.visibleTo(scope) as never);
    return { person: { $in: visiblePeople.getKnexQuery() } } as unknown as FilterQuery<Registration>;
  }

  findVisible(id: string, scope: ReadScope): Promise<Registration | null> {
    return this.findOne({ $and: [{ id }, this.visibleTo(scope)] });
  }

  /** Registrations awaiting approval that count for these organisations (null: all) and that the scope covers. */
  findPendingPage(
    organisationIds: string[] | null,
    scope: ReadScope,
    page: PageRequest<'registeredAt'>,
  ): Promise<Connection<Registration>> {
    const where: FilterQuery<Registration> = {
      $and: [
        { status: RegistrationStatus.PENDING_APPROVAL },
        organisationIds === null ? {} : { organisation: { $in: organisationIds } },
        this.visibleTo(scope),
      ],
    };
    return findPage(this.em, Registration, where, page);
  }

  /**
   * Confirmed places in offerings with a session starting in (now, until], one row per place and
   * session, without a reminder yet: one statement for a whole run of the reminder job.
   */
  findDueSessionReminders(now: Date, until: Date, limit: number): Promise<DueSessionReminder[]> {
    return this.em.execute<DueSessionReminder[]>(
      `select r.id as registration_id, r.person_id, s.id as session_id, s.starts_at, s.ends_at, s.title, s.venue, s.online_url,
              o.kind as offering_kind, ${offeringNameSql('s.offering_id')} as offering_name,
              not exists (select 1 from offering_session earlier where earlier.offering_id = s.offering_id and (earlier.starts_at, earlier.id) < (s.starts_at, s.id)) as is_first
       from offering_session s
       join offering o on o.id = s.offering_id and o.status in ('OPEN', 'CLOSED')
       join registration r on r.offering_id = s.offering_id and r.status = 'CONFIRMED'
       join person p on p.id = r.person_id and p.erased_at is null and p.email is not null
       where s.starts_at > ? and s.starts_at <= ?
         and not exists (select 1 from notification n where n.dedupe_key = 'session-reminder:' || r.id || ':' || s.id)
       order by s.starts_at, r.id
       limit ?`,
      [now, until, limit],
    );
  }

  /** The same page of active registrations (or those of one status) for each offering, in two statements. */
  findPagesByOffering(
    offeringIds: readonly string[],
    page: PageRequest<'registeredAt' | 'waitlistPosition'>,
    scope: ReadScope,
    status: RegistrationStatus | null = null,
  ): Promise<Map<string, Connection<Registration>>> {
    const where = () => ({ $and: [status ? { status } : { status: { $nin: ENDED } }, this.visibleTo(scope)] }) as FilterQuery<Registration>;
    return findPagesByParent(this.em, Registration, { property: 'offering', column: 'offering_id' }, offeringIds, where, page);
  }

  /** The registrations of these people that have ended (cancelled, rejected, lapsed), a page per person, as the scope allows. */
  findEndedPagesByPerson(
    personIds: readonly string[],
    page: PageRequest<'updatedAt'>,
    scope: ReadScope,
  ): Promise<Map<string, Connection<Registration>>> {
    const where = () => ({ $and: [{ status: { $in: ENDED } }, this.visibleTo(scope)] }) as FilterQuery<Registration>;
    return findPagesByParent(this.em, Registration, { property: 'person', column: 'person_id' }, personIds, where, page);
  }

  /** All of a person's registrations, oldest first (for the personal-data export). */
  findAllOfPerson(personId: string): Promise<Registration[]> {
    return this.find({ person: personId }, { orderBy: { registeredAt: 'asc' } });
  }

  /** The registrations of an offering that have not ended, in queue order after the places. */
  async findActiveIn(offeringId: string): Promise<Registration[]> {
    await this.em.flush();
    return this.find(
      { offering: offeringId, status: { $nin: ENDED } },
      { orderBy: { waitlistPosition: 'asc nulls first', registeredAt: 'asc', id: 'asc' }, refresh: true },
    );
  }

  /** The registrations holding a place (confirmed or offered) in an offering, oldest first. */
  findPlaceHolders(offeringId: string): Promise<Registration[]> {
    return this.find({ offering: offeringId, status: { $in: PLACE_HOLDING } }, { orderBy: { registeredAt: 'asc', id: 'asc' } });
  }

  /** The person's registrations that have not ended in any of these offerings. */
  findActiveOfPersonIn(personId: string, offeringIds: readonly string[]): Promise<Registration[]> {
    if (offeringIds.length === 0) return Promise.resolve([]);
    return this.find({ person: personId, offering: { $in: [...offeringIds] }, status: { $nin: ENDED } }, { orderBy: { offering: 'asc' } });
  }

  /** The person's registrations that have not ended. */
  findActiveOfPerson(personId: string): Promise<Registration[]> {
    return this.find({ person: personId, status: { $nin: ENDED } });
  }

  /** Replaces the reasons given for rejecting the person's registrations. */
  async replaceRejectionReasons(personId: string, reason: string): Promise<void> {
    await this.nativeUpdate({ person: personId, rejectionReason: { $ne: null } }, { rejectionReason: reason });
  }

  /**
   * Sets completed_on of the offering's confirmed places: the Swedish day of the `required`-th session attended
   * (null when none is required); other places keep theirs.
   */
  async recomputeCompletion(offeringId: string, required: number): Promise<void> {
    await this.em.execute(
      `with attended as (
       select a.registration_id, (s.starts_at at time zone '${SWEDISH_TIME_ZONE}')::date as day,
              row_number() over (partition by a.registration_id order by s.starts_at, s.id) as n
       from attendance a join offering_session s on s.id = a.session_id
       where s.offering_id = ? and a.status = 'PRESENT'
     )
     update registration r
     set completed_on = case when r.status <> 'CONFIRMED' then r.completed_on
                             when ?::int > 0 then (select day from attended where attended.registration_id = r.id and attended.n = ?::int) end
     where r.offering_id = ?`,
      [offeringId, required, required, offeringId],
    );
  }
}
