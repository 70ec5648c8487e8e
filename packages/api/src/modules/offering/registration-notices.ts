import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { todayInSweden } from '../../platform/swedish-time.js';
import { offeringCalendar } from '../calendar/offering-calendar.js';
import {
  enqueueNotification,
  NotificationKind,
  type NotificationAttachment,
  type NotificationData,
  type OutboxMessage,
} from '../notification/outbox.js';
import { PORTAL_PAGES, type PortalLinks } from '../notification/portal-links.js';
import type { SessionDetails } from '../notification/notification.templates.js';
import { Person } from '../person/person.entity.js';
import { Role, RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import type { OfferingSession } from './offering-session.entity.js';
import type { ChangeDetail, ChangeListener, NoticeSubject, RegistrationChange } from './registration-queue.js';
import { OfferingRepository } from './offering.repository.js';

const KIND: Record<RegistrationChange, NotificationKind> = {
  CONFIRMED: NotificationKind.REGISTRATION_CONFIRMED,
  WAITLISTED: NotificationKind.REGISTRATION_WAITLISTED,
  PROMOTED: NotificationKind.REGISTRATION_PROMOTED,
  OFFERED: NotificationKind.OFFER_MADE,
  OFFER_LAPSED: NotificationKind.OFFER_LAPSED,
  CANCELLED: NotificationKind.REGISTRATION_CANCELLED,
  APPROVAL_REQUESTED: NotificationKind.APPROVAL_REQUESTED,
  REJECTED: NotificationKind.REGISTRATION_REJECTED,
};

/** The changes that give the person a place: their message carries the sessions as a calendar file. */
const PLACE_GIVEN: ReadonlySet<RegistrationChange> = new Set(['CONFIRMED', 'PROMOTED']);

export interface OfferingDescription {
  name: string;
  programmeName: string | null;
  firstSessionStartsAt: Date | null;
  sessions: SessionDetails[];
  /** The sessions as an iCalendar file (null: no sessions yet). */
  calendar: NotificationAttachment | null;
}

export const toSessionDetails = (session: SessionFacts): SessionDetails => ({
  title: session.title,
  startsAt: session.startsAt,
  endsAt: session.endsAt,
  venue: session.venue,
  onlineUrl: session.onlineUrl,
});

/** What messages read of a session (an `OfferingSession`, or a plain row of the registration's one read). */
export type SessionFacts = Pick<
  OfferingSession,
  'id' | 'title' | 'startsAt' | 'endsAt' | 'venue' | 'onlineUrl' | 'residential' | 'sequence' | 'updatedAt'
>;

/** What messages read of an offering: its name, its programme's, and its sessions in time order (null: no such offering). */
export type OfferingMessageFacts = { name: string; programmeName: string | null; sessions: readonly SessionFacts[] } | null;

/** What every message about an offering tells, from what was read of it (one rule for the ORM's reads and the plain one). */
export function describeOffering(details: OfferingMessageFacts, now = Date.now()): OfferingDescription {
  const sessions = details?.sessions ?? [];
  const name = details?.name ?? 'Evikomp';
  const fullName = details?.programmeName ? `${details.programmeName} – ${name}` : name;
  return {
    name,
    programmeName: details?.programmeName ?? null,
    firstSessionStartsAt: sessions.find((session) => session.startsAt.getTime() > now)?.startsAt ?? null,
    sessions: sessions.map(toSessionDetails),
    calendar:
      sessions.length === 0
        ? null
        : {
            filename: 'evikomp.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: offeringCalendar({
              name: `Evikomp – ${fullName}`,
              sessions: sessions.map((session) => ({
                id: session.id,
                offeringName: fullName,
                title: session.title,
                startsAt: session.startsAt,
                endsAt: session.endsAt,
                venue: session.venue,
                onlineUrl: session.onlineUrl,
                residential: session.residential,
                cancelled: false,
                sequence: session.sequence,
                lastModified: session.updatedAt,
              })),
            }),
          },
  };
}

/** What every message about an offering tells (its names and sessions), read once per offering and change. */
export function offeringDescriber(em: EntityManager): (offeringId: string) => Promise<OfferingDescription> {
  const described = new Map<string, OfferingDescription>();
  return async (offeringId) => {
    let description = described.get(offeringId);
    if (!description) {
      // Whatever owns the offering names it: a cohort (with its programme), a network meeting or an event.
      description = describeOffering(await new OfferingRepository(em).messageDetails(offeringId));
      described.set(offeringId, description);
    }
    return description;
  };
}

/** What a message about a registration change says (the texts' data), from plain values. */
function noticeData(
  registration: NoticeSubject,
  description: OfferingDescription,
  registeredByName: string | null,
  detail: ChangeDetail,
): NotificationData {
  return {
    offeringName: description.name,
    registrationId: registration.id,
    ...(description.programmeName && { programmeName: description.programmeName }),
    ...(description.sessions.length > 0 && { sessions: description.sessions }),
    ...(registration.waitlistPosition !== null && { waitlistPosition: registration.waitlistPosition }),
    ...(registration.offerExpiresAt && { offerExpiresAt: registration.offerExpiresAt }),
    ...(registration.rejectionReason && { reason: registration.rejectionReason }),
    ...(description.firstSessionStartsAt && { firstSessionStartsAt: description.firstSessionStartsAt }),
    ...(detail.endedBecause && { endedBecause: detail.endedBecause }),
    ...(detail.waitlistReason && { waitlistReason: detail.waitlistReason }),
    ...(registeredByName && { registeredByName }),
  };
}

/**
 * The message a change (any but APPROVAL_REQUESTED) sends the registrant, from plain values: one copy of the
 * rule for the general path and a registration's single read. `registeredByName`: whoever registered them,
 * when that was someone else.
 */
export function registrantMessage(
  links: PortalLinks,
  change: Exclude<RegistrationChange, 'APPROVAL_REQUESTED'>,
  registration: NoticeSubject,
  description: OfferingDescription,
  registeredByName: string | null,
  detail: ChangeDetail = {},
): OutboxMessage {
  const data = noticeData(registration, description, registeredByName, detail);
  const kind = detail.endedBecause === 'OFFERING_CANCELLED' ? NotificationKind.OFFERING_CANCELLED : KIND[change];
  return {
    kind,
    personId: registration.person.id,
    data: { ...data, portalUrl: links.url(PORTAL_PAGES.registration(toGlobalId('Registration', registration.id))) },
    ...(PLACE_GIVEN.has(change) && description.calendar ? { attachments: [description.calendar] } : {}),
  };
}

/**
 * Each registration change puts messages in the outbox, through the change's own EntityManager: they
 * commit with the change or not at all. The person hears of every change of their registration (with the
 * programme and cohort names, the sessions, a link to their registration in the portal, and, when they
 * get a place, the sessions as a calendar file); a registration waiting for approval is acknowledged to
 * the person and goes to each current organisation admin of the registrant's organisation, one message each.
 */
export function registrationNotices(em: EntityManager, links: PortalLinks): ChangeListener {
  const describe = offeringDescriber(em);
  /** The messages a change puts in the outbox, one per recipient. */
  const messages: NonNullable<ChangeListener['messages']> = async (change, registration, offering, detail = {}) => {
    const description = await describe(offering.id);
    const registrant = registration.person.id;
    const registeredBy =
      registration.registeredByPersonId && registration.registeredByPersonId !== registrant
        ? await em.getRepository(Person).findById(registration.registeredByPersonId)
        : null;
    const registeredByName = registeredBy ? `${registeredBy.firstName} ${registeredBy.lastName}` : null;
    if (change !== 'APPROVAL_REQUESTED') return [registrantMessage(links, change, registration, description, registeredByName, detail)];
    const data = noticeData(registration, description, registeredByName, detail);
    const ownPage = links.url(PORTAL_PAGES.registration(toGlobalId('Registration', registration.id)));
    return [
      { kind: NotificationKind.REGISTRATION_AWAITING_APPROVAL, personId: registrant, data: { ...data, portalUrl: ownPage } },
      ...(await approversOf(em, registration.organisation.id)).map((personId) => ({
        kind: NotificationKind.APPROVAL_REQUESTED,
        personId,
        data: { ...data, registeredByName: undefined, portalUrl: links.url(PORTAL_PAGES.approvals()) },
      })),
    ];
  };
  const listener: ChangeListener = async (change, registration, offering, detail = {}) => {
    for (const message of await messages(change, registration, offering, detail)) await enqueueNotification(em, message);
  };
  listener.messages = messages;
  listener.prepare = async (offeringId, registeredByPersonId) => {
    await describe(offeringId);
    // Into the identity map: the message names whoever registered the person without a query under the lock.
    if (registeredByPersonId) await em.getRepository(Person).findById(registeredByPersonId);
  };
  return listener;
}

/** The people who hold ORGANISATION_ADMIN for the organisation today (else the administrators). */
async function approversOf(em: EntityManager, organisationId: string): Promise<string[]> {
  const today = todayInSweden();
  const roles = em.getRepository(RoleAssignment);
  let assignments = await roles.findHoldersOn({ role: Role.ORGANISATION_ADMIN, organisation: organisationId }, today);
  // An organisation without an admin: the administrators decide, so they are told.
  if (assignments.length === 0) assignments = await roles.findHoldersOn({ role: Role.ADMINISTRATOR }, today);
  return [...new Set(assignments.map((assignment) => assignment.person.id))];
}
