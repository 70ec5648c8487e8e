import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessPolicy } from './access/access-policy.js';
import { ApiClient } from '../modules/api-client/api-client.entity.js';
import { CalendarFeed } from '../modules/calendar/calendar-feed.entity.js';
import { Cohort, Programme } from '../modules/cohort/cohort.entities.js';
import { Event } from '../modules/event/event.entity.js';
import { Network, NetworkMeeting, NetworkMembership } from '../modules/network/network.entities.js';
import { Attendance, ENDED, Offering, OfferingQuota, OfferingSession, Registration } from '../modules/registration/registration.entities.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { Organisation, OrganisationPopulation } from '../modules/organisation/organisation.entity.js';
import { Person } from '../modules/person/person.entity.js';
import { RoleAssignment, type Role } from '../modules/role-assignment/role-assignment.entity.js';
import { Workplace } from '../modules/workplace/workplace.entity.js';
import type { WorkplaceFilterInput, WorkplaceOrderField } from '../modules/workplace/workplace.inputs.js';
import type { Connection } from './pagination/connection.js';
import type { PageRequest } from './pagination/find-page.js';

/** A family of DataLoaders, one per distinct parameter set (e.g. the page arguments of a nested list). */
function loaderFamily<P, V>(batch: (params: P, keys: readonly string[]) => Promise<V[]>) {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (params: P): DataLoader<string, V> => {
    const key = JSON.stringify(params);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, V>((keys) => batch(params, keys));
      loaders.set(key, loader);
    }
    return loader;
  };
}

function byIdLoader<T extends { id: string }>(find: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = new Map((await find([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * Per-request loaders: each batches what one level of a query asks for into one statement, and each
 * applies the caller's read scope, so nothing reaches a caller by any path that a list would not show.
 */
export function createLoaders(em: EntityManager, access: AccessPolicy, today: string) {
  const organisations = em.getRepository(Organisation);
  const workplaces = em.getRepository(Workplace);
  const people = em.getRepository(Person);
  const roleAssignments = em.getRepository(RoleAssignment);
  const scope = access.readScope();
  // Registrations, attendance and completions: API clients see them through a training scope.
  const registrationScope = access.registrationScope();
  const training = access.canReadTraining();

  return {
    // Member organisations are public to everyone signed in.
    organisation: byIdLoader((ids) => organisations.findByIds(ids)),
    workplace: byIdLoader((ids) => workplaces.findByIds(ids, scope)),
    person: byIdLoader((ids) => people.findByIds(ids, scope)),
    roleAssignment: byIdLoader((ids) => roleAssignments.findByIds(ids, scope)),
    // The audit trail is for administrators only.
    auditEntry: byIdLoader((ids) => (access.isAdministrator ? em.getRepository(AuditEntry).findByIds(ids) : Promise.resolve([]))),
    // Programmes and cohorts are public to everyone signed in (API clients: with a training scope).
    offering: byIdLoader((ids) => (training ? em.find(Offering, { id: { $in: ids } }) : Promise.resolve([]))),
    programme: byIdLoader((ids) => (training ? em.find(Programme, { id: { $in: ids } }) : Promise.resolve([]))),
    cohort: byIdLoader((ids) => (training ? em.find(Cohort, { id: { $in: ids } }) : Promise.resolve([]))),
    apiClient: byIdLoader((ids) => (access.isAdministrator ? em.getRepository(ApiClient).findByIds(ids) : Promise.resolve([]))),

    /** Whether the caller may read a person's e-mail and phone. */
    contactDetailsVisible: new DataLoader<string, boolean>(async (ids) => {
      const visible = await people.contactVisibleAmong([...ids], access.contactScope(), today);
      return ids.map((id) => visible.has(id));
    }),

    populations: new DataLoader<string, OrganisationPopulation[]>(async (ids) =>
      groupBy(ids, await organisations.findPopulations([...ids]), (row) => row.organisation.id),
    ),

    workplacePages: loaderFamily<{ filter: WorkplaceFilterInput; page: PageRequest<WorkplaceOrderField> }, Connection<Workplace>>(
      async ({ filter, page }, organisationIds) => {
        const pages = await workplaces.findPagesByOrganisation(organisationIds, filter, page, scope);
        return organisationIds.map((id) => pages.get(id)!);
      },
    ),

    registration: byIdLoader((ids) => em.getRepository(Registration).find({ $and: [{ id: { $in: ids } }, em.getRepository(Registration).visibleTo(registrationScope)] })),

    /** Cohorts (and later meetings and events) by the offering behind them. */
    cohortByOffering: new DataLoader<string, Cohort | null>(async (ids) => {
      const rows = training ? await em.find(Cohort, { offering: { $in: [...ids] } }) : [];
      return ids.map((id) => rows.find((row) => row.offering.id === id) ?? null);
    }),

    sessions: new DataLoader<string, OfferingSession[]>(async (offeringIds) =>
      groupBy(offeringIds, await em.find(OfferingSession, { offering: { $in: [...offeringIds] } }, { orderBy: { startsAt: 'asc', id: 'asc' } }), (row) => row.offering.id),
    ),

    seatQuotas: new DataLoader<string, OfferingQuota[]>(async (offeringIds) =>
      groupBy(offeringIds, await em.find(OfferingQuota, { offering: { $in: [...offeringIds] } }), (row) => row.offering.id),
    ),

    /** Places held (confirmed or offered) per organisation, per offering. */
    placesByOrganisation: new DataLoader<string, Map<string, number>>(async (offeringIds) => {
      const rows = await em.execute<{ offering_id: string; organisation_id: string; places: number }[]>(
        `select offering_id, organisation_id, count(*)::int as places from registration where offering_id in (?) and status in ('CONFIRMED', 'OFFERED') group by offering_id, organisation_id`,
        [[...offeringIds]],
      );
      return offeringIds.map((id) => new Map(rows.filter((row) => row.offering_id === id).map((row) => [row.organisation_id, row.places])));
    }),

    /** Attendance at sessions, of the registrations the caller may see. */
    attendance: new DataLoader<string, Attendance[]>(async (sessionIds) => {
      const visible = registrationScope.everything ? {} : { registration: em.getRepository(Registration).visibleTo(registrationScope) };
      const rows = await em.find(Attendance, { session: { $in: [...sessionIds] }, ...visible } as never, { orderBy: { recordedAt: 'asc' } });
      return groupBy(sessionIds, rows, (row) => row.session.id);
    }),

    /** A person's registrations that have not ended, newest first. */
    personRegistrations: new DataLoader<string, Registration[]>(async (personIds) => {
      const repository = em.getRepository(Registration);
      const rows = await repository.find({ $and: [{ person: { $in: [...personIds] }, status: { $nin: ENDED } }, repository.visibleTo(registrationScope)] }, { orderBy: { registeredAt: 'desc', id: 'asc' } });
      return groupBy(personIds, rows, (row) => row.person.id);
    }),

    /** A person's completed places, with the cohort each was in. */
    completions: new DataLoader<string, Registration[]>(async (personIds) => {
      const repository = em.getRepository(Registration);
      const rows = await repository.find({ $and: [{ person: { $in: [...personIds] }, completedOn: { $ne: null } }, repository.visibleTo(registrationScope)] }, { orderBy: { completedOn: 'asc', id: 'asc' } });
      return groupBy(personIds, rows, (row) => row.person.id);
    }),

    // Networks, their meetings and events are public to everyone signed in, like the cohorts (API clients: with a training scope).
    network: byIdLoader((ids) => (training ? em.find(Network, { id: { $in: ids } }) : Promise.resolve([]))),
    meetingByOffering: new DataLoader<string, NetworkMeeting | null>(async (ids) => {
      const rows = training ? await em.find(NetworkMeeting, { offering: { $in: [...ids] } }) : [];
      return ids.map((id) => rows.find((row) => row.offering.id === id) ?? null);
    }),
    eventByOffering: new DataLoader<string, Event | null>(async (ids) => {
      const rows = training ? await em.find(Event, { offering: { $in: [...ids] } }) : [];
      return ids.map((id) => rows.find((row) => row.offering.id === id) ?? null);
    }),
    networkMeetings: new DataLoader<string, NetworkMeeting[]>(async (networkIds) => {
      const rows = training ? await em.find(NetworkMeeting, { network: { $in: [...networkIds] } }) : [];
      // In the order they take place: by their (only) session's start.
      const starts = await em.find(OfferingSession, { offering: { $in: rows.map((row) => row.offering.id) } });
      const startOf = (meeting: NetworkMeeting) => starts.find((session) => session.offering.id === meeting.offering.id)?.startsAt.getTime() ?? 0;
      return groupBy(networkIds, rows.sort((a, b) => startOf(a) - startOf(b)), (row) => row.network.id);
    }),
    /** Memberships of the people the caller may see (as registrations); only open ones unless `includeEnded`. */
    networkMembers: loaderFamily<{ includeEnded: boolean }, NetworkMembership[]>(async ({ includeEnded }, networkIds) => {
      const visible = registrationScope.everything ? {} : { person: people.visibleTo(registrationScope) };
      const rows = await em.find(NetworkMembership, { network: { $in: [...networkIds] }, ...(includeEnded ? {} : { leftAt: null }), ...visible } as never, {
        orderBy: { joinedAt: 'asc', id: 'asc' },
      });
      return groupBy(networkIds, rows, (row) => row.network.id);
    }),
    personNetworks: new DataLoader<string, NetworkMembership[]>(async (personIds) => {
      const visible = await people.findByIds([...personIds], registrationScope);
      const rows = await em.find(NetworkMembership, { person: { $in: visible.map((person) => person.id) }, leftAt: null }, { orderBy: { joinedAt: 'asc', id: 'asc' } });
      return groupBy(personIds, rows, (row) => row.person.id);
    }),

    /** A person's calendar feeds, newest first: for themselves and administrators only. */
    calendarFeeds: new DataLoader<string, CalendarFeed[]>(async (personIds) => {
      const visible = personIds.filter((id) => access.canManageCalendarFeedsOf(id));
      const rows = visible.length > 0 ? await em.getRepository(CalendarFeed).findForPeople(visible) : [];
      return groupBy(personIds, rows, (row) => row.person.id);
    }),

    registrationPages: loaderFamily<{ page: PageRequest<'registeredAt'> }, Connection<Registration>>(async ({ page }, offeringIds) => {
      const pages = await em.getRepository(Registration).findPagesByOffering(offeringIds, page, registrationScope);
      return offeringIds.map((id) => pages.get(id)!);
    }),

    /** Assignments of a workplace role that are active on a day, per workplace. */
    activeWorkplaceRoles: loaderFamily<{ role: Role; day: string }, RoleAssignment[]>(async ({ role, day }, workplaceIds) =>
      groupBy(workplaceIds, await roleAssignments.findActiveAtWorkplaces([...workplaceIds], role, day, scope), (row) => row.workplace!.id),
    ),

    /** A person's role assignments; only those active on `activeOn` when it is given. */
    personRoles: loaderFamily<{ activeOn: string | null }, RoleAssignment[]>(async ({ activeOn }, personIds) =>
      groupBy(personIds, await roleAssignments.findForPeople([...personIds], activeOn, scope), (row) => row.person.id),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
