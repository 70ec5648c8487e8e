import DataLoader from 'dataloader';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { byIdLoader, groupBy, loaderFamily, oneBy, type LoaderContext } from '../../platform/loaders.js';
import { Person } from '../person/person.entity.js';
import { OfferingRepository } from '../offering/offering.repository.js';
import { NetworkMeeting } from './network-meeting.entity.js';
import { NetworkMembership } from './network-membership.entity.js';
import type { NetworkMembersFilter, NetworkMembersOrderField } from './network-membership.repository.js';
import { Network } from './network.entity.js';
import { OfferingPolicy } from '../offering/offering.policy.js';

export function networkLoaders({ em, access }: LoaderContext) {
  // Networks and their meetings are public to everyone signed in, like the cohorts (API clients: with a training scope).
  const training = OfferingPolicy.of(access).canReadTraining();
  const registrationScope = OfferingPolicy.of(access).registrationScope();
  const people = em.getRepository(Person);
  const memberships = em.getRepository(NetworkMembership);
  return {
    network: byIdLoader((ids) => (training ? em.getRepository(Network).findByIds(ids) : Promise.resolve([]))),
    networkMeeting: byIdLoader((ids) => (training ? em.getRepository(NetworkMeeting).findByIds(ids) : Promise.resolve([]))),
    /** Network meetings by the offering behind them. */
    meetingByOffering: new DataLoader<string, NetworkMeeting | null>(async (ids) =>
      oneBy(ids, training ? await em.getRepository(NetworkMeeting).findByOfferingIds([...ids]) : [], (row) => row.offeringId),
    ),
    networkMeetings: new DataLoader<string, NetworkMeeting[]>(async (networkIds) => {
      const rows = training ? await em.getRepository(NetworkMeeting).findByNetworkIds([...networkIds]) : [];
      // In the order they take place: by their (only) session's start.
      const firstStarts = await new OfferingRepository(em).firstSessionStarts(rows.map((row) => row.offeringId));
      const starts = new Map(rows.map((row, index) => [row.id, firstStarts[index]?.getTime() ?? 0]));
      const startOf = (meeting: NetworkMeeting) => starts.get(meeting.id) ?? 0;
      return groupBy(
        networkIds,
        rows.sort((a, b) => startOf(a) - startOf(b)),
        (row) => row.network.id,
      );
    }),
    /** A membership is visible with its person. */
    networkMembership: byIdLoader((ids) => memberships.findVisibleByIds(ids, registrationScope)),
    /** Pages of the memberships of the people the caller may see (as registrations), for many networks at once. */
    networkMemberPages: loaderFamily<
      { filter: NetworkMembersFilter; page: PageRequest<NetworkMembersOrderField> },
      Connection<NetworkMembership>
    >(async ({ filter, page }, networkIds) => {
      const pages = await memberships.findPagesByNetwork(networkIds, filter, page, registrationScope);
      return networkIds.map((id) => pages.get(id)!);
    }),
    personNetworks: new DataLoader<string, NetworkMembership[]>(async (personIds) => {
      const visible = await people.findByIds([...personIds], registrationScope);
      const rows = await memberships.findOpenByPeople(visible.map((person) => person.id));
      return groupBy(personIds, rows, (row) => row.person.id);
    }),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof networkLoaders> {}
}
