import type { MyRegistrationFragment } from '../gql/graphql.js';
import { formatOfferExpiry } from '@evikomp/portal-shared';

type Translate = (key: string, values?: Record<string, unknown>) => string;
export type RegistrationState = Pick<MyRegistrationFragment, 'status' | 'waitlistPosition' | 'offerExpiresAt' | 'rejectionReason'>;

/** A registration's state in words: "bekräftad", "väntar på godkännande", "erbjuden plats till torsdag 14:00", "på väntelistan, plats 3". */
export function registrationStateText(registration: RegistrationState, t: Translate, language: string, now: Date = new Date()): string {
  switch (registration.status) {
    case 'OFFERED':
      return registration.offerExpiresAt
        ? t('state.OFFERED', { until: formatOfferExpiry(registration.offerExpiresAt, language, now) })
        : t('state.OFFERED_OPEN');
    case 'WAITLISTED':
      return registration.waitlistPosition ? t('state.WAITLISTED', { place: registration.waitlistPosition }) : t('state.WAITLISTED_OPEN');
    case 'REJECTED':
      return registration.rejectionReason ? t('state.REJECTED_BECAUSE', { reason: registration.rejectionReason }) : t('state.REJECTED');
    default:
      return t(`state.${registration.status}`);
  }
}

/** The statuses after which nothing more can be done with a registration. */
export const ENDED_STATUSES: readonly string[] = ['CANCELLED', 'REJECTED', 'LAPSED'];

/** The name of what a registration is for (a cohort, an event, a network meeting). */
export function offeringName(offering: MyRegistrationFragment['offering']): string {
  if (!offering) return '';
  if (offering.__typename === 'NetworkMeeting') return `${offering.title} (${offering.network.name})`;
  if (offering.__typename === 'Cohort') return `${offering.programme.name}: ${offering.name}`;
  return offering.__typename === 'Event' ? offering.name : '';
}

/** The start of the first session, if any. */
export function firstStart(offering: { sessions: { startsAt: string }[] } | null | undefined): string | null {
  const starts = (offering?.sessions ?? []).map((session) => session.startsAt).sort();
  return starts[0] ?? null;
}
