import DataLoader from 'dataloader';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { byIdLoader, groupBy, loaderFamily, type LoaderContext } from '../../platform/loaders.js';
import { Attendance, ENDED, Offering, OfferingQuota, OfferingSession, Registration } from './registration.entities.js';

export function registrationLoaders({ em, access }: LoaderContext) {
  // Registrations, attendance and completions: API clients see them through a training scope.
  const registrationScope = access.registrationScope();
  const training = access.canReadTraining();
  const registrations = em.getRepository(Registration);
  return {
    // Offerings are public to everyone signed in (API clients: with a training scope).
    offering: byIdLoader((ids) => (training ? em.find(Offering, { id: { $in: ids } }) : Promise.resolve([]))),
    session: byIdLoader((ids) => (training ? em.find(OfferingSession, { id: { $in: ids } }) : Promise.resolve([]))),
    registration: byIdLoader((ids) => registrations.find({ $and: [{ id: { $in: ids } }, registrations.visibleTo(registrationScope)] })),

    sessions: new DataLoader<string, OfferingSession[]>(async (offeringIds) =>
      groupBy(
        offeringIds,
        await em.find(OfferingSession, { offering: { $in: [...offeringIds] } }, { orderBy: { startsAt: 'asc', id: 'asc' } }),
        (row) => row.offering.id,
      ),
    ),

    seatQuotas: new DataLoader<string, OfferingQuota[]>(async (offeringIds) =>
      groupBy(offeringIds, await em.find(OfferingQuota, { offering: { $in: [...offeringIds] } }), (row) => row.offering.id),
    ),

    /** Places held (confirmed or offered) per organisation, per offering. */
    placesByOrganisation: new DataLoader<string, Map<string, number>>(async (offeringIds) => {
      const rows = await em.execute<{ offering_id: string; organisation_id: string; places: number }[]>(
        `select offering_id, organisation_id, count(*)::int as places from registration
          where offering_id in (?) and status in ('CONFIRMED', 'OFFERED') group by offering_id, organisation_id`,
        [[...offeringIds]],
      );
      return offeringIds.map((id) => new Map(rows.filter((row) => row.offering_id === id).map((row) => [row.organisation_id, row.places])));
    }),

    /** Attendance at sessions, of the registrations the caller may see. */
    attendance: new DataLoader<string, Attendance[]>(async (sessionIds) => {
      const visible = registrationScope.everything ? {} : { registration: registrations.visibleTo(registrationScope) };
      const rows = await em.find(Attendance, { session: { $in: [...sessionIds] }, ...visible } as never, {
        orderBy: { recordedAt: 'asc' },
      });
      return groupBy(sessionIds, rows, (row) => row.session.id);
    }),

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

    registrationPages: loaderFamily<{ page: PageRequest<'registeredAt'> }, Connection<Registration>>(async ({ page }, offeringIds) => {
      const pages = await registrations.findPagesByOffering(offeringIds, page, registrationScope);
      return offeringIds.map((id) => pages.get(id)!);
    }),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof registrationLoaders> {}
}
