import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { offeringCalendar } from '../calendar/offering-calendar.js';
import { enqueueNotification, NotificationKind } from '../notification/outbox.js';
import { PORTAL_PAGES, type PortalLinks } from '../notification/portal-links.js';
import { Person } from '../person/person.entity.js';
import type { OfferingSession } from './offering-session.entity.js';
import { offeringDescriber, toSessionDetails } from './registration-notices.js';
import { Registration } from './registration.entity.js';

/**
 * Tells everyone with a place (confirmed or offered) that a session moved or was removed, with the
 * session as it is now (or was), the offering's sessions, a link to their registration, and the session
 * as an iCalendar file with its raised SEQUENCE, so that a calendar that imported it updates it.
 * Call after the session change is flushed (the sessions read are the new ones).
 */
export async function notifySessionChange(
  em: EntityManager,
  links: PortalLinks,
  offeringId: string,
  session: OfferingSession,
  change: 'MOVED' | 'REMOVED',
): Promise<number> {
  const holders = await em.getRepository(Registration).findPlaceHolders(offeringId);
  if (holders.length === 0) return 0;
  const description = await offeringDescriber(em)(offeringId);
  const fullName = description.programmeName ? `${description.programmeName} – ${description.name}` : description.name;
  const calendar = offeringCalendar({
    name: `Evikomp – ${fullName}`,
    sessions: [
      {
        id: session.id,
        offeringName: fullName,
        title: session.title,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        venue: session.venue,
        onlineUrl: session.onlineUrl,
        residential: session.residential,
        cancelled: false,
        removed: change === 'REMOVED',
        sequence: session.sequence,
        lastModified: new Date(),
      },
    ],
  });
  // The recipients in one statement: the outbox then finds each of them in the identity map.
  await em.getRepository(Person).loadByIds([...new Set(holders.map((registration) => registration.person.id))]);
  for (const registration of holders)
    await enqueueNotification(em, {
      kind: change === 'MOVED' ? NotificationKind.SESSION_CHANGED : NotificationKind.SESSION_CANCELLED,
      personId: registration.person.id,
      data: {
        offeringName: description.name,
        registrationId: registration.id,
        changedSession: toSessionDetails(session),
        ...(description.programmeName && { programmeName: description.programmeName }),
        ...(description.sessions.length > 0 && { sessions: description.sessions }),
        portalUrl: links.url(PORTAL_PAGES.registration(toGlobalId('Registration', registration.id))),
      },
      attachments: [{ filename: 'evikomp.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendar }],
    });
  return holders.length;
}
