import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueNotification, NotificationKind } from '../notification/outbox.js';
import type { ChangeListener, RegistrationChange } from './registration-queue.js';

const KIND: Record<RegistrationChange, NotificationKind> = {
  CONFIRMED: NotificationKind.REGISTRATION_CONFIRMED,
  WAITLISTED: NotificationKind.REGISTRATION_WAITLISTED,
  PROMOTED: NotificationKind.REGISTRATION_PROMOTED,
  OFFERED: NotificationKind.OFFER_MADE,
  OFFER_LAPSED: NotificationKind.OFFER_LAPSED,
  CANCELLED: NotificationKind.REGISTRATION_CANCELLED,
};

interface OfferingDescription {
  name: string;
  firstSessionStartsAt: Date | null;
}

/**
 * Each registration change puts one message for the person in the outbox, through the change's own
 * EntityManager: it commits with the change or not at all.
 */
export function registrationNotices(em: EntityManager): ChangeListener {
  const described = new Map<string, OfferingDescription>();
  const describe = async (offeringId: string): Promise<OfferingDescription> => {
    let description = described.get(offeringId);
    if (!description) {
      // Whatever owns the offering names it: a cohort, a network meeting or an event.
      const [row] = await em.execute<{ name: string | null; first_session: Date | null }[]>(
        `select coalesce((select name from cohort where offering_id = ?),
                         (select n.name || ': ' || m.title from network_meeting m join network n on n.id = m.network_id where m.offering_id = ?),
                         (select name from event where offering_id = ?)) as name,
                (select min(starts_at) from offering_session where offering_id = ? and starts_at > now()) as first_session`,
        [offeringId, offeringId, offeringId, offeringId],
      );
      description = { name: row?.name ?? 'Evikomp', firstSessionStartsAt: row?.first_session ? new Date(row.first_session) : null };
      described.set(offeringId, description);
    }
    return description;
  };
  return async (change, registration, offering) => {
    const { name, firstSessionStartsAt } = await describe(offering.id);
    await enqueueNotification(em, {
      kind: KIND[change],
      personId: registration.person.id,
      data: {
        offeringName: name,
        registrationId: registration.id,
        ...(registration.waitlistPosition !== null && { waitlistPosition: registration.waitlistPosition }),
        ...(registration.offerExpiresAt && { offerExpiresAt: registration.offerExpiresAt }),
        ...(firstSessionStartsAt && { firstSessionStartsAt }),
      },
    });
  };
}
