import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { NotificationKind, tryEnqueueNotification } from '../notification/outbox.js';
import { PORTAL_PAGES, type PortalLinks } from '../notification/portal-links.js';
import { Person } from '../person/person.entity.js';
import { OfferingKind } from './offering.enums.js';
import { Registration } from './registration.entity.js';

const DAY_MS = 86_400_000;

/**
 * One SESSION_REMINDER (MEETING_REMINDER for network meetings) per confirmed place and session that starts within
 * `daysBefore` days of `now` (and has not started): every session is reminded of, not only the first. The outbox's
 * unique dedupe key makes it once per registration and session, however many processes run this at the same
 * moment; the candidates come in one fixed order, so two processes inserting the same keys wait for each other
 * instead of deadlocking. Returns the messages enqueued.
 */
export async function queueSessionReminders(
  em: EntityManager,
  now: Date,
  daysBefore: number,
  limit: number,
  links: PortalLinks,
): Promise<number> {
  if (daysBefore <= 0) return 0;
  const due = await em.getRepository(Registration).findDueSessionReminders(now, new Date(now.getTime() + daysBefore * DAY_MS), limit);
  if (due.length === 0) return 0;
  // One statement for the recipients: the outbox then finds each of them in the identity map.
  await em.getRepository(Person).loadByIds([...new Set(due.map((row) => row.person_id))]);
  let queued = 0;
  for (const row of due) {
    const meeting = row.offering_kind === OfferingKind.MEETING;
    const startsAt = new Date(row.starts_at);
    const enqueued = await tryEnqueueNotification(em, {
      kind: meeting ? NotificationKind.MEETING_REMINDER : NotificationKind.SESSION_REMINDER,
      personId: row.person_id,
      data: {
        offeringName: row.offering_name,
        registrationId: row.registration_id,
        ...(meeting ? { meetingStartsAt: startsAt } : row.is_first ? { firstSessionStartsAt: startsAt } : { sessionStartsAt: startsAt }),
        sessions: [{ title: row.title, startsAt, endsAt: new Date(row.ends_at), venue: row.venue, onlineUrl: row.online_url }],
        portalUrl: links.url(PORTAL_PAGES.registration(toGlobalId('Registration', row.registration_id))),
      },
      dedupeKey: `session-reminder:${row.registration_id}:${row.session_id}`,
    });
    if (enqueued) queued += 1;
  }
  return queued;
}
