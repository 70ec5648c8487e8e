import DataLoader from 'dataloader';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { byIdLoader, groupBy, loaderFamily, type LoaderContext } from '../../platform/loaders.js';
import type { Attendance } from './attendance.entity.js';
import { ENDED, type RegistrationStatus } from './offering.enums.js';
import type { OfferingQuota } from './offering-quota.entity.js';
import type { OfferingSession } from './offering-session.entity.js';
import { OfferingRepository, type OfferingOwnerRef } from './offering.repository.js';
import { Registration } from './registration.entity.js';
import { OfferingPolicy } from './offering.policy.js';

export function registrationLoaders({ em, access }: LoaderContext) {
  // Registrations, attendance and completions: API clients see them through a training scope.
  const registrationScope = OfferingPolicy.of(access).registrationScope();
  const training = OfferingPolicy.of(access).canReadTraining();
  const registrations = em.getRepository(Registration);
  const offerings = new OfferingRepository(em);
  return {
    // Offerings are public to everyone signed in (API clients: with a training scope).
    offering: byIdLoader((ids) => (training ? offerings.findByIds(ids) : Promise.resolve([]))),
    session: byIdLoader((ids) => (training ? offerings.findSessionsByIds(ids) : Promise.resolve([]))),
    registration: byIdLoader((ids) => registrations.find({ $and: [{ id: { $in: ids } }, registrations.visibleTo(registrationScope)] })),

    /** The cohort, network meeting or event that owns each offering. */
    offeringOwner: new DataLoader<string, OfferingOwnerRef | null>(async (offeringIds) =>
      training ? offerings.ownersOf(offeringIds) : offeringIds.map(() => null),
    ),

    sessions: new DataLoader<string, OfferingSession[]>((offeringIds) => offerings.sessionsOf(offeringIds)),

    seatQuotas: new DataLoader<string, OfferingQuota[]>((offeringIds) => offerings.quotasOf(offeringIds)),

    /** Places held (confirmed or offered) per organisation, per offering. */
    placesByOrganisation: new DataLoader<string, Map<string, number>>((offeringIds) => offerings.placesByOrganisationOf(offeringIds)),

    /** Attendance at sessions, of the registrations the caller may see. */
    attendance: new DataLoader<string, Attendance[]>((sessionIds) => offerings.attendanceOf(sessionIds, registrationScope)),

    /** A person's registrations that have not ended, newest first. */
    personRegistrations: new DataLoader<string, Registration[]>(async (personIds) => {
      const rows = await registrations.find(
        { $and: [{ person: { $in: [...personIds] }, status: { $nin: ENDED } }, registrations.visibleTo(registrationScope)] },
        { orderBy: { registeredAt: 'desc', id: 'asc' } },
      );
      return groupBy(personIds, rows, (row) => row.person.id);
    }),

    /** A person's completed places, with the offering each was in. */
    completions: new DataLoader<string, Registration[]>(async (personIds) => {
      const rows = await registrations.find(
        { $and: [{ person: { $in: [...personIds] }, completedOn: { $ne: null } }, registrations.visibleTo(registrationScope)] },
        { orderBy: { completedOn: 'asc', id: 'asc' } },
      );
      return groupBy(personIds, rows, (row) => row.person.id);
    }),

    /** Each person's ended registrations, the most recently ended first (a page per person). */
    endedRegistrationPages: loaderFamily<PageRequest<'updatedAt'>, Connection<Registration>>(async (page, personIds) => {
      const pages = await registrations.findEndedPagesByPerson(personIds, page, registrationScope);
      return personIds.map((id) => pages.get(id)!);
    }),

    registrationPages: loaderFamily<
      { page: PageRequest<'registeredAt' | 'waitlistPosition'>; status?: RegistrationStatus | null },
      Connection<Registration>
    >(async ({ page, status }, offeringIds) => {
      const pages = await registrations.findPagesByOffering(offeringIds, page, registrationScope, status ?? null);
      return offeringIds.map((id) => pages.get(id)!);
    }),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof registrationLoaders> {}
}
