import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Cohort } from '../modules/cohort/cohort.entity.js';
import { Programme } from '../modules/cohort/programme.entity.js';
import { NetworkMembership } from '../modules/network/network-membership.entity.js';
import { Network } from '../modules/network/network.entity.js';
import { NetworkRole } from '../modules/network/network.enums.js';
import { recomputeCompletion } from '../modules/offering/attendance.js';
import { Attendance } from '../modules/offering/attendance.entity.js';
import { AttendanceStatus, OfferingKind, OfferingStatus, RegistrationStatus } from '../modules/offering/offering.enums.js';
import { OfferingSession } from '../modules/offering/offering-session.entity.js';
import { Offering } from '../modules/offering/offering.entity.js';
import { Registration } from '../modules/offering/registration.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { Person } from '../modules/person/person.entity.js';
import type { SeedDirectory, SeedWorkplace } from './demo-data.js';

const DAY_MS = 86_400_000;
const SWEDISH_MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** A day relative to the seeding, at a UTC hour. */
function dayAt(days: number, hourUtc: number): Date {
  const day = new Date(Date.now() + days * DAY_MS);
  day.setUTCHours(hourUtc, 0, 0, 0);
  return day;
}

function isoDay(days: number): string {
  return dayAt(days, 12).toISOString().slice(0, 10);
}

/** Earlier rounds of the leader training: when the first and second sessions were, in days before the seeding. */
const EARLIER_ROUNDS = [
  [-335, -310],
  [-250, -228],
  [-190, -170],
  [-115, -100],
  [-40, -25],
] as const;
const MANAGERS_PER_ROUND = 5;
const WORKPLACES_PER_MONTH = 2;

/**
 * A living dashboard in a fresh demo: over the year before the seeding, two workplaces join every month, five
 * earlier rounds of the leader training (two sessions each, all attended) complete managers in different months,
 * and those who completed join the manager network a fortnight later. Dates are relative to the seeding; runs
 * after `seedDemoTraining` (it adds to its programme and network) and before the staff (the new workplaces get staff too).
 */
export async function seedDemoActivity(orm: MikroORM, directory: SeedDirectory): Promise<void> {
  const municipalities = directory.organisations.filter((organisation) => organisation.kind === 'MUNICIPALITY');
  const placeOf = new Map(directory.workplaces.map((workplace) => [workplace.organisationId, workplace]));
  const joined: SeedWorkplace[] = Array.from({ length: 12 * WORKPLACES_PER_MONTH }, (_value, index) => {
    const organisation = municipalities[index % municipalities.length]!;
    const place = placeOf.get(organisation.id);
    const monthsBack = 11 - Math.floor(index / WORKPLACES_PER_MONTH);
    return {
      id: randomUUID(),
      organisationId: organisation.id,
      name: `${index % 2 === 0 ? 'Hemtjänstgrupp' : 'Vård- och omsorgsboendet'} Lärande ${index + 1}`,
      type: index % 2 === 0 ? 'HOME_CARE' : 'NURSING_HOME',
      streetAddress: `Lärandegatan ${index + 1}`,
      postalCode: place?.postalCode ?? '581 00',
      city: place?.city ?? 'Linköping',
      employeeCount: 18 + ((index * 7) % 25),
      joinedOn: isoDay(-monthsBack * 30 - 5 - ((index * 3) % 10)),
      status: 'ACTIVE',
      leftOn: null,
    };
  });
  await orm.em
    .getKnex()('workplace')
    .insert(
      joined.map((workplace) => ({
        id: workplace.id,
        organisation_id: workplace.organisationId,
        name: workplace.name,
        type: workplace.type,
        street_address: workplace.streetAddress,
        postal_code: workplace.postalCode,
        city: workplace.city,
        employee_count: workplace.employeeCount,
        joined_on: workplace.joinedOn,
        status: workplace.status,
        left_on: workplace.leftOn,
      })),
    );
  // Part of the directory from now on: the later demo steps (staff) see them too.
  directory.workplaces.push(...joined);

  // Managers not in the training of `seedDemoTraining` (it takes them from the front of the list).
  const managerIds = [
    ...new Set(
      directory.roleAssignments
        .filter((assignment) => assignment.role === 'MANAGER' && assignment.endsOn === null)
        .map((assignment) => assignment.personId),
    ),
  ]
    .reverse()
    .slice(0, EARLIER_ROUNDS.length * MANAGERS_PER_ROUND);

  await orm.em.fork().transactional(async (em) => {
    const programme = await em.findOneOrFail(Programme, { name: 'Ledarutbildning i arbetsplatslärande' });
    const network = await em.findOneOrFail(Network, { name: 'Lärande chefsnätverk Östergötland' });
    const people = new Map((await em.find(Person, { id: { $in: managerIds } })).map((person) => [person.id, person]));
    const offerings: Offering[] = [];
    EARLIER_ROUNDS.forEach(([first, second], round) => {
      const group = managerIds.slice(round * MANAGERS_PER_ROUND, (round + 1) * MANAGERS_PER_ROUND).filter((id) => people.has(id));
      const offering = em.create(Offering, {
        kind: OfferingKind.COHORT,
        status: OfferingStatus.CLOSED,
        capacity: 20,
        audienceRoles: ['MANAGER'],
        confirmedCount: group.length,
      });
      offerings.push(offering);
      const startedOn = dayAt(first, 8);
      em.create(Cohort, {
        programme,
        offeringId: offering.id,
        name: `Omgång ${SWEDISH_MONTHS[startedOn.getUTCMonth()]} ${startedOn.getUTCFullYear()}`,
        description: 'En tidigare omgång i länet.',
      });
      const sessions = [first, second].map((days, index) =>
        em.create(OfferingSession, {
          offering,
          title: index === 0 ? 'Träff 1' : 'Chefsinternat',
          startsAt: dayAt(days, 8),
          endsAt: dayAt(index === 0 ? days : days + 1, 15),
          venue: index === 0 ? 'Linköpings stadshus' : 'Vadstena klosterhotell',
          residential: index === 1,
        }),
      );
      for (const personId of group) {
        const person = people.get(personId)!;
        const organisation = em.getReference(Organisation, person.homeOrganisation.id);
        const registration = em.create(Registration, {
          offering,
          person,
          organisation,
          status: RegistrationStatus.CONFIRMED,
          registeredAt: dayAt(first - 21, 9),
        });
        for (const session of sessions) em.create(Attendance, { session, registration, status: AttendanceStatus.PRESENT });
        em.create(NetworkMembership, { network, person, organisation, role: NetworkRole.MEMBER, joinedAt: dayAt(second + 14, 9) });
      }
    });
    await em.flush();
    // Two of two sessions, whatever the programme's rule rounds to: completed on the second session's day.
    for (const offering of offerings) await recomputeCompletion(em, offering.id, programme.completionThresholdPercent);
  });
}
