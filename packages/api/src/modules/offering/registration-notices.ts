import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInSweden } from '../../platform/swedish-time.js';
import { enqueueNotification, NotificationKind } from '../notification/outbox.js';
import { Role, RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import type { ChangeListener, RegistrationChange } from './registration-queue.js';
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

interface OfferingDescription {
  name: string;
  firstSessionStartsAt: Date | null;
}

/**
 * Each registration change puts messages in the outbox, through the change's own EntityManager: they
 * commit with the change or not at all. The person hears of every change of their registration; a
 * registration waiting for approval goes instead to each current organisation admin of the
 * registrant's organisation, one message each.
 */
export function registrationNotices(em: EntityManager): ChangeListener {
  const described = new Map<string, OfferingDescription>();
  const describe = async (offeringId: string): Promise<OfferingDescription> => {
    let description = described.get(offeringId);
    if (!description) {
      // Whatever owns the offering names it: a cohort, a network meeting or an event.
      const row = await new OfferingRepository(em).nameAndNextSession(offeringId);
      description = { name: row?.name ?? 'Evikomp', firstSessionStartsAt: row?.first_session ? new Date(row.first_session) : null };
      described.set(offeringId, description);
    }
    return description;
  };
  const listener: ChangeListener = async (change, registration, offering) => {
    const { name, firstSessionStartsAt } = await describe(offering.id);
    const data = {
      offeringName: name,
      registrationId: registration.id,
      ...(registration.waitlistPosition !== null && { waitlistPosition: registration.waitlistPosition }),
      ...(registration.offerExpiresAt && { offerExpiresAt: registration.offerExpiresAt }),
      ...(registration.rejectionReason && { reason: registration.rejectionReason }),
      ...(firstSessionStartsAt && { firstSessionStartsAt }),
    };
    const recipients = change === 'APPROVAL_REQUESTED' ? await approversOf(em, registration.organisation.id) : [registration.person.id];
    for (const personId of recipients) await enqueueNotification(em, { kind: KIND[change], personId, data });
  };
  listener.prepare = async (offeringId) => void (await describe(offeringId));
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
