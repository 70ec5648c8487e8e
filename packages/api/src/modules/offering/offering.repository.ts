import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy } from '../../platform/loaders.js';
import { Attendance } from './attendance.entity.js';
import { OfferingQuota } from './offering-quota.entity.js';
import { OfferingSession } from './offering-session.entity.js';
import { Offering } from './offering.entity.js';
import type { ReadScope } from '../../platform/access/read-scope.js';
import { offeringNameSql } from './registration.repository.js';
import { Registration } from './registration.entity.js';

/** The GraphQL type of each owner of offerings, and the table that holds its `offering_id`. */
export const OFFERING_OWNERS = {
  Cohort: 'cohort',
  NetworkMeeting: 'network_meeting',
  Event: 'event',
} as const;

export type OfferingOwnerType = keyof typeof OFFERING_OWNERS;

/** The owner (cohort, network meeting or event) of an offering, by GraphQL type name and row id. */
export interface OfferingOwnerRef {
  type: OfferingOwnerType;
  id: string;
}

export interface OfferingMessageDetails {
  kind: string;
  name: string;
  programmeName: string | null;
  sessions: OfferingSession[];
}

/** The SQL for the name of the programme of a cohort's offering (null for other offerings), given the column holding its id. */
export function programmeNameSql(offeringIdColumn: string): string {
  return `(select p.name from cohort c join programme p on p.id = c.programme_id where c.offering_id = ${offeringIdColumn})`;
}

const OWNERS_SQL = Object.entries(OFFERING_OWNERS)
  .map(([type, table]) => `select '${type}' as type, id, offering_id from ${table}`)
  .join(' union all ');

/**
 * The queries about offerings themselves: their owners, sessions, quotas and attendance. The owners'
 * tables are read by their `offering_id` column only (the owners own that column; the offering module
 * names no other of their columns except the programme's completion threshold).
 */
export class OfferingRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: string): Promise<Offering | null> {
    return this.em.findOne(Offering, { id });
  }

  findByIds(ids: readonly string[]): Promise<Offering[]> {
    return this.em.find(Offering, { id: { $in: [...ids] } });
  }

  /** The offering of a cohort, network meeting or event, by the owner's row id; null when there is none. */
  async offeringIdOf(owner: OfferingOwnerRef): Promise<string | null> {
    const rows = await this.em.execute<{ offering_id: string }[]>(`select offering_id from ${OFFERING_OWNERS[owner.type]} where id = ?`, [
      owner.id,
    ]);
    return rows[0]?.offering_id ?? null;
  }

  /** The owners of these offerings, in their order (null where an offering has none). */
  async ownersOf(offeringIds: readonly string[]): Promise<(OfferingOwnerRef | null)[]> {
    if (offeringIds.length === 0) return [];
    const rows = await this.em.execute<{ type: OfferingOwnerType; id: string; offering_id: string }[]>(
      `select type, id, offering_id from (${OWNERS_SQL}) owners where offering_id in (?)`,
      [[...offeringIds]],
    );
    const byOffering = new Map(rows.map((row) => [row.offering_id, { type: row.type, id: row.id }]));
    return offeringIds.map((id) => byOffering.get(id) ?? null);
  }

  /** The share of sessions that completes a place: the cohort's programme's; null for offerings outside programmes. */
  async completionThresholdOf(offeringId: string): Promise<number | null> {
    const rows = await this.em.execute<{ threshold: number }[]>(
      `select p.completion_threshold_percent as threshold from cohort c join programme p on p.id = c.programme_id where c.offering_id = ?`,
      [offeringId],
    );
    return rows[0]?.threshold ?? null;
  }

  findSession(id: string, refresh = false): Promise<OfferingSession | null> {
    return this.em.findOne(OfferingSession, { id }, { refresh });
  }

  findSessionsByIds(ids: readonly string[]): Promise<OfferingSession[]> {
    return this.em.find(OfferingSession, { id: { $in: [...ids] } });
  }

  /** Sessions of each offering, in time order. */
  async sessionsOf(offeringIds: readonly string[]): Promise<OfferingSession[][]> {
    const rows = await this.em.find(OfferingSession, { offering: { $in: [...offeringIds] } }, { orderBy: { startsAt: 'asc', id: 'asc' } });
    return groupBy(offeringIds, rows, (row) => row.offering.id);
  }

  findQuotas(offeringId: string): Promise<OfferingQuota[]> {
    return this.em.find(OfferingQuota, { offering: offeringId });
  }

  async quotasOf(offeringIds: readonly string[]): Promise<OfferingQuota[][]> {
    return groupBy(offeringIds, await this.em.find(OfferingQuota, { offering: { $in: [...offeringIds] } }), (row) => row.offering.id);
  }

  /** Places held (confirmed or offered) per organisation, per offering. */
  async placesByOrganisationOf(offeringIds: readonly string[]): Promise<Map<string, number>[]> {
    const rows = await this.em.execute<{ offering_id: string; organisation_id: string; places: number }[]>(
      `select offering_id, organisation_id, count(*)::int as places from registration
        where offering_id in (?) and status in ('CONFIRMED', 'OFFERED') group by offering_id, organisation_id`,
      [[...offeringIds]],
    );
    return offeringIds.map((id) => new Map(rows.filter((row) => row.offering_id === id).map((row) => [row.organisation_id, row.places])));
  }

  /** Attendance at each session, of the registrations a scope covers. */
  async attendanceOf(sessionIds: readonly string[], scope: ReadScope): Promise<Attendance[][]> {
    const registrations = this.em.getRepository(Registration);
    const visible = scope.everything ? {} : { registration: registrations.visibleTo(scope) };
    const rows = await this.em.find(Attendance, { session: { $in: [...sessionIds] }, ...visible } as never, {
      orderBy: { recordedAt: 'asc' },
    });
    return groupBy(sessionIds, rows, (row) => row.session.id);
  }

  findAttendance(sessionId: string, registrationIds: string[]): Promise<Attendance[]> {
    return this.em.find(Attendance, { session: sessionId, registration: { $in: registrationIds } });
  }

  /** Offerings whose quotas are due to be released by `now`, for the release job. */
  async findDueQuotaReleases(now: Date, limit: number): Promise<string[]> {
    const rows = await this.em.find(
      Offering,
      { quotasReleasedAt: null, quotaReleaseAt: { $lte: now } },
      { fields: ['id'], orderBy: { quotaReleaseAt: 'asc', id: 'asc' }, limit },
    );
    return rows.map((row) => row.id);
  }

  async countSessions(offeringId: string): Promise<number> {
    const [counted] = await this.em.execute<{ total: number }[]>(
      `select count(*)::int as total from offering_session where offering_id = ?`,
      [offeringId],
    );
    return counted?.total ?? 0;
  }

  /** Whether a person completed a place in a cohort of the programme. */
  async hasCompletedProgramme(personId: string, programmeId: string): Promise<boolean> {
    const rows = await this.em.execute<{ count: number }[]>(
      `select count(*)::int as count from registration r join cohort c on c.offering_id = r.offering_id
       where r.person_id = ? and c.programme_id = ? and r.completed_on is not null`,
      [personId, programmeId],
    );
    return rows[0]!.count > 0;
  }

  /** The start of each offering's first session (null: none yet). */
  async firstSessionStarts(offeringIds: readonly string[]): Promise<(Date | null)[]> {
    if (offeringIds.length === 0) return [];
    const rows = await this.em.execute<{ offering_id: string; starts_at: Date }[]>(
      `select offering_id, min(starts_at) as starts_at from offering_session where offering_id in (?) group by offering_id`,
      [[...offeringIds]],
    );
    const byOffering = new Map(rows.map((row) => [row.offering_id, new Date(row.starts_at)]));
    return offeringIds.map((id) => byOffering.get(id) ?? null);
  }

  /** The offering's name (whatever owns it names it: a cohort, a network meeting or an event) and its next session's start. */
  async nameAndNextSession(offeringId: string): Promise<{ name: string; first_session: Date | null } | undefined> {
    const [row] = await this.em.execute<{ name: string; first_session: Date | null }[]>(
      `select ${offeringNameSql('?')} as name,
                (select min(starts_at) from offering_session where offering_id = ? and starts_at > now()) as first_session`,
      [offeringId, offeringId, offeringId, offeringId],
    );
    return row;
  }

  /** What messages about an offering tell: its kind, its name, its programme's (cohorts), and its sessions in time order. */
  async messageDetails(offeringId: string): Promise<OfferingMessageDetails | null> {
    const [row] = await this.em.execute<{ kind: string; name: string; programme_name: string | null }[]>(
      `select o.kind, ${offeringNameSql('o.id')} as name,
              ${programmeNameSql('o.id')} as programme_name
         from offering o where o.id = ?`,
      [offeringId],
    );
    if (!row) return null;
    const [sessions] = await this.sessionsOf([offeringId]);
    return { kind: row.kind, name: row.name, programmeName: row.programme_name, sessions: sessions ?? [] };
  }

  /**
   * Offerings of a kind that take registrations now (OPEN, inside their window) from someone holding one of
   * `roles` at `organisationId`: what the person's own page offers them.
   */
  async findRegistrableIds(kind: string, roles: readonly string[], organisationId: string, now: Date): Promise<string[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select id from offering
       where kind = ? and status = 'OPEN'
         and (registration_opens_at is null or registration_opens_at <= ?)
         and (registration_closes_at is null or registration_closes_at > ?)
         and (cardinality(audience_roles) = 0 or audience_roles && ?::text[])
         and (cardinality(audience_organisation_ids) = 0 or ?::uuid = any(audience_organisation_ids))`,
      [kind, now, now, `{${roles.join(',')}}`, organisationId],
    );
    return rows.map((row) => row.id);
  }

  /** A person's attendance with its sessions, in the order it was recorded (for the personal-data export). */
  findAttendanceOfPerson(personId: string): Promise<Attendance[]> {
    return this.em.find(Attendance, { registration: { person: personId } }, { populate: ['session'], orderBy: { recordedAt: 'asc' } });
  }
}
