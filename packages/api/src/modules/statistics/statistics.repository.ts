import type { EntityManager } from '@mikro-orm/postgresql';
import { SWEDISH_TIME_ZONE } from '../../platform/swedish-time.js';

export interface FiguresRow {
  organisation_id: string;
  people_registered: number;
  people_completed: number;
  people_waitlisted: number;
  network_members: number;
  meeting_registrations: number;
  meeting_attendances: number;
}

/** The statistics' queries: they read the offering and network modules' tables (registrations, memberships, attendance). */
export class StatisticsRepository {
  constructor(private readonly em: EntityManager) {}

  /** Each organisation's figures for the Swedish days [from, to) (YYYY-MM-DD), in one statement. */
  figures(organisationIds: string[], from: string, to: string): Promise<FiguresRow[]> {
    // Year boundaries are Swedish midnights.
    return this.em.execute<FiguresRow[]>(
      `with bounds as (select (?::date)::timestamp at time zone '${SWEDISH_TIME_ZONE}' as starts, (?::date)::timestamp at time zone '${SWEDISH_TIME_ZONE}' as ends),
       cohort_places as (
         select r.organisation_id, r.person_id, r.status, r.completed_on, r.registered_at
         from registration r join offering o on o.id = r.offering_id and o.kind = 'COHORT'
         where r.organisation_id in (?)
       ),
       registered as (
         select organisation_id, count(distinct person_id)::int as n from cohort_places, bounds
         where registered_at >= bounds.starts and registered_at < bounds.ends and status not in ('CANCELLED', 'LAPSED', 'REJECTED', 'PENDING_APPROVAL') group by organisation_id
       ),
       completed as (
         select organisation_id, count(distinct person_id)::int as n from cohort_places
         where completed_on >= ?::date and completed_on < ?::date group by organisation_id
       ),
       waitlisted as (
         select organisation_id, count(distinct person_id)::int as n from cohort_places, bounds
         where status = 'WAITLISTED' and registered_at < bounds.ends group by organisation_id
       ),
       members as (
         select m.organisation_id, count(distinct m.person_id)::int as n from network_membership m, bounds
         where m.organisation_id in (?) and m.joined_at < bounds.ends and (m.left_at is null or m.left_at >= bounds.starts) group by m.organisation_id
       ),
       meeting_places as (
         select r.id, r.organisation_id from registration r
         join offering o on o.id = r.offering_id and o.kind = 'MEETING'
         join offering_session s on s.offering_id = o.id, bounds
         where r.organisation_id in (?) and r.status = 'CONFIRMED' and s.starts_at >= bounds.starts and s.starts_at < bounds.ends
       ),
       meeting_registrations as (select organisation_id, count(distinct id)::int as n from meeting_places group by organisation_id),
       meeting_attendances as (
         select p.organisation_id, count(*)::int as n from meeting_places p join attendance a on a.registration_id = p.id and a.status = 'PRESENT' group by p.organisation_id
       )
       select o.id as organisation_id,
              coalesce(registered.n, 0) as people_registered, coalesce(completed.n, 0) as people_completed,
              coalesce(waitlisted.n, 0) as people_waitlisted, coalesce(members.n, 0) as network_members,
              coalesce(meeting_registrations.n, 0) as meeting_registrations, coalesce(meeting_attendances.n, 0) as meeting_attendances
       from organisation o
       left join registered on registered.organisation_id = o.id
       left join completed on completed.organisation_id = o.id
       left join waitlisted on waitlisted.organisation_id = o.id
       left join members on members.organisation_id = o.id
       left join meeting_registrations on meeting_registrations.organisation_id = o.id
       left join meeting_attendances on meeting_attendances.organisation_id = o.id
       where o.id in (?)`,
      [from, to, organisationIds, from, to, organisationIds, organisationIds, organisationIds],
    );
  }
}
