import { EntityRepository, LockMode, type FilterQuery } from '@mikro-orm/postgresql';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { LearningAttestation } from './learning-attestation.entity.js';
import { LearningHours } from './learning-hours.entity.js';
import { LearningMonthClose } from './learning-month-close.entity.js';
import { daysInMonth } from './learning-month.js';
import { LearningSession } from './learning-session.entity.js';
import type { LearningSessionOrderField } from './learning-session.enums.js';
import type { LearningHoursScope, LearningSessionScope } from './learning-session.policy.js';
import { Workplace } from '../workplace/workplace.entity.js';

/** A participant's minutes of a month at a workplace, by attestation step. */
export interface MonthHoursRow {
  person_id: string;
  workplace_id: string;
  month: string;
  minutes: number;
  confirmed_minutes: number;
  attested_minutes: number;
}

/** One attested participant's minutes of a day, for the funder's report. */
export interface FunderDayRow {
  person_id: string;
  first_name: string;
  last_name: string;
  organisation_number: string;
  held_on: string;
  minutes: number;
}

export interface ReminderRow {
  person_id: string;
  workplace_id: string;
  workplace_name: string;
  minutes: number;
  participants: number;
}

/** Every query of learning sessions, their hours, attestations and closed months. */
export class LearningSessionRepository extends EntityRepository<LearningSession> {
  visibleTo(scope: LearningSessionScope): FilterQuery<LearningSession> {
    if (scope.everything) return {};
    return { $or: [{ workplace: { $in: scope.workplaceIds } }, { organisation: { $in: scope.organisationIds } }] };
  }

  findPage(
    filter: { workplaceId: string; month: string | null },
    page: PageRequest<LearningSessionOrderField>,
    scope: LearningSessionScope,
  ): Promise<Connection<LearningSession>> {
    const where: FilterQuery<LearningSession>[] = [{ workplace: filter.workplaceId }, this.visibleTo(scope)];
    if (filter.month)
      where.push({ heldOn: { $gte: `${filter.month}-01`, $lte: `${filter.month}-${String(daysInMonth(filter.month)).padStart(2, '0')}` } });
    return findPage(this.em, LearningSession, { $and: where }, { ...page, thenBy: ['startsAt'] }) as Promise<Connection<LearningSession>>;
  }

  /** The workplaces of a participant's own hours (whatever else of the directory they may read): they confirm by workplace. */
  async findWorkplacesOfOwnHours(personId: string, workplaceIds: readonly string[]): Promise<Workplace[]> {
    const hours = await this.em.find(
      LearningHours,
      { person: personId, workplace: { $in: [...workplaceIds] } },
      { fields: ['workplace'], disableIdentityMap: true },
    );
    const ids = [...new Set(hours.map((row) => row.workplace.id))];
    return ids.length > 0 ? this.em.find(Workplace, { id: { $in: ids } }) : [];
  }

  findByIds(ids: readonly string[], scope: LearningSessionScope): Promise<LearningSession[]> {
    return this.find({ $and: [{ id: { $in: [...ids] } }, this.visibleTo(scope)] });
  }

  /** A session the caller sees, locked for the change (two changes at once cannot both pass the checks). */
  lockVisible(id: string, scope: LearningSessionScope): Promise<LearningSession | null> {
    return this.findOne({ $and: [{ id }, this.visibleTo(scope)] }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Whether the month is closed county-wide or for the organisation. */
  async isClosed(month: string, organisationId: string): Promise<boolean> {
    const found = await this.em.findOne(LearningMonthClose, { month, $or: [{ organisation: null }, { organisation: organisationId }] });
    return found !== null;
  }

  findClose(month: string, organisationId: string | null): Promise<LearningMonthClose | null> {
    return this.em.findOne(LearningMonthClose, { month, organisation: organisationId });
  }

  findCloses(organisationIds: readonly string[] | null): Promise<LearningMonthClose[]> {
    const where = organisationIds === null ? {} : { $or: [{ organisation: null }, { organisation: { $in: [...organisationIds] } }] };
    return this.em.find(LearningMonthClose, where, { orderBy: { month: 'desc', id: 'asc' } });
  }

  /**
   * Of these people, those employed at the workplace on the day or holding a role there (today's or the day's
   * assignment: a role counts from its first day up to, not including, its end).
   */
  async eligibleParticipants(workplaceId: string, day: string, personIds: readonly string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await this.em.execute<{ person_id: string }[]>(
      `select person_id from employment
        where workplace_id = ? and person_id = any(?::uuid[]) and starts_on <= ? and (ends_on is null or ends_on >= ?)
       union
       select person_id from role_assignment
        where workplace_id = ? and person_id = any(?::uuid[]) and starts_on <= ? and (ends_on is null or ends_on > ?)`,
      [workplaceId, `{${personIds.join(',')}}`, day, day, workplaceId, `{${personIds.join(',')}}`, day, day],
    );
    return new Set(rows.map((row) => row.person_id));
  }

  /** Whether the person is a manager of the workplace on the day. */
  async isManagerOn(workplaceId: string, personId: string, day: string): Promise<boolean> {
    const rows = await this.em.execute<{ found: number }[]>(
      `select 1 as found from role_assignment
        where workplace_id = ? and person_id = ? and role = 'MANAGER' and starts_on <= ? and (ends_on is null or ends_on > ?) limit 1`,
      [workplaceId, personId, day, day],
    );
    return rows.length > 0;
  }

  findHoursOfSessions(sessionIds: readonly string[]): Promise<LearningHours[]> {
    return this.em.find(LearningHours, { session: { $in: [...sessionIds] } }, { orderBy: { id: 'asc' } });
  }

  findAttestationsByIds(ids: readonly string[]): Promise<LearningAttestation[]> {
    return this.em.find(LearningAttestation, { id: { $in: [...ids] } });
  }

  /** The participant's hours of the month at the workplace, locked for a step. */
  lockMonthHours(personId: string, workplaceId: string, month: string): Promise<LearningHours[]> {
    return this.em.find(
      LearningHours,
      { person: personId, workplace: workplaceId, month },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
  }

  /** A person's minutes per month and workplace (those the scope covers), latest month first. */
  monthHours(personId: string, scope: LearningHoursScope, range: { from: string | null; to: string | null }): Promise<MonthHoursRow[]> {
    const params: unknown[] = [personId];
    let where = 'h.person_id = ?';
    if (!scope.everything && scope.selfPersonId !== personId) {
      where += ` and (h.workplace_id = any(?::uuid[]) or w.organisation_id = any(?::uuid[]))`;
      params.push(`{${scope.workplaceIds.join(',')}}`, `{${scope.organisationIds.join(',')}}`);
    }
    if (range.from) {
      where += ' and h.month >= ?';
      params.push(range.from);
    }
    if (range.to) {
      where += ' and h.month <= ?';
      params.push(range.to);
    }
    return this.em.execute<MonthHoursRow[]>(
      `select h.person_id, h.workplace_id, h.month, sum(h.minutes)::int as minutes,
              coalesce(sum(h.minutes) filter (where h.confirmation_id is not null), 0)::int as confirmed_minutes,
              coalesce(sum(h.minutes) filter (where h.attestation_id is not null), 0)::int as attested_minutes
         from learning_hours h join workplace w on w.id = h.workplace_id
        where ${where}
        group by h.person_id, h.workplace_id, h.month
        order by h.month desc, h.workplace_id`,
      params,
    );
  }

  /** Attested minutes per participant and day of a funder's project in a month, with the employer's number. */
  funderDays(funderReference: string, month: string): Promise<FunderDayRow[]> {
    return this.em.execute<FunderDayRow[]>(
      `select h.person_id, p.first_name, p.last_name, o.organisation_number, to_char(h.held_on, 'YYYY-MM-DD') as held_on,
              sum(h.minutes)::int as minutes
         from learning_hours h
         join learning_session s on s.id = h.session_id
         join organisation o on o.id = s.organisation_id
         join person p on p.id = h.person_id
        where s.funder_reference = ? and h.month = ? and h.attestation_id is not null
        group by h.person_id, p.first_name, p.last_name, o.organisation_number, h.held_on
        order by p.last_name, p.first_name, h.person_id, o.organisation_number, h.held_on`,
      [funderReference, month],
    );
  }

  /** Participants with unconfirmed hours of the month (one row per participant and workplace). */
  unconfirmed(month: string, limit: number): Promise<ReminderRow[]> {
    return this.em.execute<ReminderRow[]>(
      `select h.person_id, h.workplace_id, w.name as workplace_name, sum(h.minutes)::int as minutes, 1 as participants
         from learning_hours h join workplace w on w.id = h.workplace_id join person p on p.id = h.person_id
        where h.month = ? and h.confirmation_id is null and p.erased_at is null
        group by h.person_id, h.workplace_id, w.name
        order by h.person_id, h.workplace_id limit ?`,
      [month, limit],
    );
  }

  /** Today's managers of workplaces with confirmed, unattested hours of the month (one row per manager and workplace). */
  awaitingAttestation(month: string, today: string, limit: number): Promise<ReminderRow[]> {
    return this.em.execute<ReminderRow[]>(
      `select r.person_id, h.workplace_id, w.name as workplace_name, sum(h.minutes)::int as minutes,
              count(distinct h.person_id)::int as participants
         from learning_hours h
         join workplace w on w.id = h.workplace_id
         join role_assignment r on r.workplace_id = h.workplace_id and r.role = 'MANAGER'
              and r.starts_on <= ? and (r.ends_on is null or r.ends_on > ?)
        where h.month = ? and h.confirmation_id is not null and h.attestation_id is null
        group by r.person_id, h.workplace_id, w.name
        order by r.person_id, h.workplace_id limit ?`,
      [today, today, month, limit],
    );
  }

  findClosesBy(personId: string): Promise<LearningMonthClose[]> {
    return this.em.find(LearningMonthClose, { closedBy: personId }, { orderBy: { month: 'asc', id: 'asc' } });
  }

  findHoursOfPerson(personId: string): Promise<LearningHours[]> {
    return this.em.find(LearningHours, { person: personId }, { orderBy: { heldOn: 'asc', id: 'asc' } });
  }

  findAttestationsAbout(personId: string): Promise<LearningAttestation[]> {
    return this.em.find(
      LearningAttestation,
      { $or: [{ participant: personId }, { signedBy: personId }, { recordedBy: personId }] },
      { orderBy: { signedAt: 'asc', id: 'asc' } },
    );
  }

  findSessionsRegisteredBy(personId: string): Promise<LearningSession[]> {
    return this.find(
      { $or: [{ registeredBy: personId }, { teacher: personId }, { paperListSignedBy: personId }] },
      { orderBy: { heldOn: 'asc', id: 'asc' } },
    );
  }

  /**
   * Removes the kept rows of erased participants once the retention period is over (days before `cutoff`):
   * the hours, then the evidence nothing points at any more. Returns the hours rows removed.
   */
  async purgeAnonymisedBefore(cutoff: string): Promise<number> {
    const removed = await this.em.execute<{ id: string }[]>(
      `delete from learning_hours where anonymised_at is not null and held_on < ? returning id`,
      [cutoff],
    );
    await this.em.execute(
      `delete from learning_attestation a
        where a.participant_person_id in (select id from person where erased_at is not null)
          and not exists (select 1 from learning_hours h where h.confirmation_id = a.id or h.attestation_id = a.id)`,
    );
    return removed.length;
  }
}
