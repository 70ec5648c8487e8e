import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { SWEDISH_TIME_ZONE } from '../../platform/swedish-time.js';

/** How often calendar apps should fetch a feed again. */
const REFRESH_SECONDS = 3600;

/**
 * One session of an offering as a calendar shows it. Any offering kind fits: a cohort's training day
 * today, a network's meeting or an event later.
 */
export interface CalendarSession {
  id: string;
  /** The offering's name, e.g. "Ledarutbildning – Omgång hösten 2026" or a network's name. */
  offeringName: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  onlineUrl: string | null;
  residential: boolean;
  /** The offering was cancelled: its sessions stay in the feed, marked cancelled, so calendars remove them. */
  cancelled: boolean;
  /** The session was removed: it stays in the feed, cancelled, so calendars remove it. */
  removed?: boolean;
  /** How many times the event changed in a way calendar apps must apply (iCalendar SEQUENCE). */
  sequence: number;
  /** The last change to what the event shows. */
  lastModified: Date;
}

function summary(session: CalendarSession): string {
  return session.title ? `${session.offeringName}: ${session.title}` : session.offeringName;
}

function description(session: CalendarSession): string | null {
  const lines = [
    session.cancelled || session.removed ? 'Inställt.' : null,
    session.residential ? 'Internat.' : null,
    session.onlineUrl ? `Länk: ${session.onlineUrl}` : null,
  ].filter((line): line is string => line !== null);
  return lines.length > 0 ? lines.join('\n') : null;
}

/**
 * An iCalendar (RFC 5545) document of offering sessions, for subscription from Outlook, Google
 * Calendar and Apple Calendar: one VEVENT per session with a stable UID, times with
 * TZID=Europe/Stockholm and the zone's VTIMEZONE (with its daylight-saving rules; Outlook needs it).
 */
export function offeringCalendar(options: { name: string; sessions: readonly CalendarSession[] }): string {
  const calendar = ical({
    prodId: { company: 'Evikomp', product: 'Evikomp Platform', language: 'SV' },
    method: ICalCalendarMethod.PUBLISH,
    name: options.name,
    ttl: REFRESH_SECONDS,
    // No calendar-wide zone name: with one, ical-generator writes DTSTAMP and LAST-MODIFIED as local
    // times, which must be UTC. The events name the zone; the generator adds its VTIMEZONE.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  calendar.x('X-WR-TIMEZONE', SWEDISH_TIME_ZONE);
  for (const session of options.sessions) {
    calendar.createEvent({
      id: `session-${session.id}@evikomp`,
      timezone: SWEDISH_TIME_ZONE,
      // A plain Date would be written in the server's zone; TZDate gives the wall time in Sweden.
      start: new TZDate(session.startsAt, SWEDISH_TIME_ZONE),
      end: new TZDate(session.endsAt, SWEDISH_TIME_ZONE),
      // The last change rather than "now", so an unchanged feed is byte for byte the same (ETag, 304).
      stamp: session.lastModified,
      lastModified: session.lastModified,
      summary: summary(session),
      location: session.venue,
      url: session.onlineUrl,
      description: description(session),
      sequence: session.sequence,
      status: session.cancelled || session.removed ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
