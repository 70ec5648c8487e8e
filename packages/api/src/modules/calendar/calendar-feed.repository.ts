import { EntityRepository } from '@mikro-orm/postgresql';
import type { CalendarFeed } from './calendar-feed.entity.js';
import type { CalendarSession } from './offering-calendar.js';

interface SessionRow {
  id: string;
  title: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  venue: string | null;
  online_url: string | null;
  residential: boolean;
  updated_at: Date | string;
  sequence: number;
  removed: boolean;
  offering_status: string;
  offering_updated_at: Date | string;
  cohort_name: string | null;
  programme_name: string | null;
  meeting_name: string | null;
  event_name: string | null;
  named_at: Date | string | null;
}

function toCalendarSession(row: SessionRow): CalendarSession {
  const cancelled = row.offering_status === 'CANCELLED';
  const sessionUpdated = new Date(row.updated_at);
  const offeringUpdated = new Date(row.offering_updated_at);
  return {
    id: row.id,
    offeringName: row.cohort_name ? `${row.programme_name} – ${row.cohort_name}` : (row.meeting_name ?? row.event_name ?? 'Evikomp'),
    title: row.title,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    venue: row.venue,
    onlineUrl: row.online_url,
    residential: row.residential,
    cancelled,
    removed: row.removed,
    // Cancelling the offering changes every event once more.
    sequence: row.sequence + (cancelled && !row.removed ? 1 : 0),
    // The offering's own timestamp moves with every registration; it counts only for the cancellation.
    lastModified: new Date(
      Math.max(sessionUpdated.getTime(), cancelled ? offeringUpdated.getTime() : 0, row.named_at ? new Date(row.named_at).getTime() : 0),
    ),
  };
}

export class CalendarFeedRepository extends EntityRepository<CalendarFeed> {
  /** All of a person's rows, oldest first (for the personal-data export). */
  findAllOfPerson(personId: string): Promise<CalendarFeed[]> {
    return this.find({ person: personId }, { orderBy: { createdAt: 'asc' } });
  }

  async deleteOfPerson(personId: string): Promise<void> {
    await this.nativeDelete({ person: personId });
  }

  /** The feed behind a URL's token, unless revoked: one lookup by the unique hash index. */
  findActiveByTokenHash(tokenHash: string): Promise<CalendarFeed | null> {
    return this.findOne({ tokenHash, revokedAt: null });
  }

  /** Feeds of these people, newest first. */
  findForPeople(personIds: string[]): Promise<CalendarFeed[]> {
    return this.find({ person: { $in: personIds } }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  /** Sessions of the offerings matched by `offeringsSql` (a subquery selecting offering ids), in time order. */
  private async sessionsOf(offeringsSql: string, params: unknown[]): Promise<CalendarSession[]> {
    const rows = await this.em.execute<SessionRow[]>(
      `select s.id, s.title, s.starts_at, s.ends_at, s.venue, s.online_url, s.residential, s.updated_at, s.sequence, s.removed,
              o.status as offering_status, o.updated_at as offering_updated_at, c.name as cohort_name, p.name as programme_name,
              n.name || ': ' || m.title as meeting_name, e.name as event_name,
              -- A renamed cohort, programme, network, meeting or event changes the events' titles.
              greatest(c.updated_at, p.updated_at, m.updated_at, n.updated_at, e.updated_at) as named_at
         from (select id, offering_id, title, starts_at, ends_at, venue, online_url, residential, updated_at, sequence, false as removed
                 from offering_session
               union all
               -- Removed sessions stay, cancelled, so calendar apps that hold them take them away.
               select session_id, offering_id, title, starts_at, ends_at, venue, online_url, residential, removed_at, sequence, true
                 from offering_session_removal) s
         join offering o on o.id = s.offering_id
         left join cohort c on c.offering_id = o.id
         left join programme p on p.id = c.programme_id
         left join network_meeting m on m.offering_id = o.id
         left join network n on n.id = m.network_id
         left join event e on e.offering_id = o.id
        where s.offering_id in (${offeringsSql})
        order by s.starts_at, s.id`,
      params,
    );
    return rows.map(toCalendarSession);
  }

  /** Sessions of everything the person holds a place in (confirmed, or offered and not yet answered). */
  personSessions(personId: string): Promise<CalendarSession[]> {
    return this.sessionsOf(`select offering_id from registration where person_id = ? and status in ('CONFIRMED', 'OFFERED')`, [personId]);
  }

  networkSessions(networkId: string): Promise<CalendarSession[]> {
    return this.sessionsOf(`select offering_id from network_meeting where network_id = ?`, [networkId]);
  }

  cohortSessions(cohortId: string): Promise<CalendarSession[]> {
    return this.sessionsOf(`select offering_id from cohort where id = ?`, [cohortId]);
  }
}
