import type { MikroORM } from '@mikro-orm/postgresql';
import { Cohort, Programme } from '../modules/cohort/cohort.entities.js';
import { Event, EventKind } from '../modules/event/event.entity.js';
import { Network, NetworkMeeting, NetworkMembership, NetworkRole } from '../modules/network/network.entities.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { Person } from '../modules/person/person.entity.js';
import { recomputeCompletion } from '../modules/registration/attendance.js';
import {
  Attendance,
  AttendanceStatus,
  Offering,
  OfferingKind,
  OfferingSession,
  OfferingStatus,
  PromotionPolicy,
  Registration,
  RegistrationStatus,
} from '../modules/registration/registration.entities.js';
import type { SeedDirectory } from './demo-data.js';

const DAY_MS = 86_400_000;

/** A day relative to the seeding, at a UTC hour (09:00 or 10:00 in Sweden, depending on the season). */
function dayAt(days: number, hourUtc: number): Date {
  const day = new Date(Date.now() + days * DAY_MS);
  day.setUTCHours(hourUtc, 0, 0, 0);
  return day;
}

/**
 * Training to look at in a fresh demo: a finished leader-training cohort with attendance (most
 * completed), an open cohort with registrations, a network for those who completed with a meeting,
 * and an information session for workplace coordinators. Dates are relative to the seeding.
 */
export async function seedDemoTraining(orm: MikroORM, directory: SeedDirectory): Promise<void> {
  const current = directory.roleAssignments.filter((assignment) => assignment.endsOn === null);
  // Managers taken in turn from each member, so the training is spread over the county.
  const homeOf = new Map(directory.people.map((person) => [person.id, person.homeOrganisationId]));
  const byOrganisation = new Map<string, string[]>();
  for (const personId of new Set(current.filter((assignment) => assignment.role === 'MANAGER').map((assignment) => assignment.personId))) {
    const organisationId = homeOf.get(personId)!;
    byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), personId]);
  }
  const managers: string[] = [];
  for (let round = 0; managers.length < 18 && round < 10; round += 1) {
    for (const group of byOrganisation.values()) if (group[round]) managers.push(group[round]!);
  }
  const [graduates, newcomers] = [managers.slice(0, 12), managers.slice(12, 18)];

  await orm.em.fork().transactional(async (em) => {
    const people = new Map((await em.find(Person, { id: { $in: [...graduates, ...newcomers] } })).map((person) => [person.id, person]));
    const place = (offering: Offering, personId: string, status: RegistrationStatus, waitlistPosition: number | null = null) => {
      const person = people.get(personId)!;
      return em.create(Registration, {
        offering,
        person,
        organisation: em.getReference(Organisation, person.homeOrganisation.id),
        status,
        waitlistPosition,
      });
    };

    const programme = em.create(Programme, {
      name: 'Ledarutbildning i arbetsplatslärande',
      description: 'För första linjens chefer: att leda lärande i det dagliga arbetet, med chefsinternat.',
      completionThresholdPercent: 80,
    });

    // Finished: four sessions over the last months; ten attended all, two only half.
    const past = em.create(Offering, {
      kind: OfferingKind.COHORT,
      status: OfferingStatus.CLOSED,
      capacity: 24,
      audienceRoles: ['MANAGER'],
      confirmedCount: graduates.length,
    });
    em.create(Cohort, { programme, offering: past, name: 'Omgång 1', description: 'Den första omgången i länet.' });
    const pastSessions = [-150, -120, -90, -60].map((days, index) =>
      em.create(OfferingSession, {
        offering: past,
        title: index === 1 ? 'Chefsinternat' : `Träff ${index + 1}`,
        startsAt: dayAt(days, 8),
        endsAt: dayAt(index === 1 ? days + 1 : days, 15),
        venue: index === 1 ? 'Vadstena klosterhotell' : 'Linköpings stadshus',
        residential: index === 1,
      }),
    );
    graduates.forEach((personId, index) => {
      const registration = place(past, personId, RegistrationStatus.CONFIRMED);
      pastSessions.forEach((session, sessionIndex) => {
        const present = index < 10 || sessionIndex % 2 === 0;
        em.create(Attendance, { session, registration, status: present ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT });
      });
    });

    // Open: registration for the next round runs; six have registered.
    const open = em.create(Offering, {
      kind: OfferingKind.COHORT,
      status: OfferingStatus.OPEN,
      capacity: 20,
      audienceRoles: ['MANAGER'],
      promotionPolicy: PromotionPolicy.OFFER,
      registrationOpensAt: dayAt(-7, 7),
      registrationClosesAt: dayAt(60, 22),
      confirmedCount: newcomers.length,
    });
    em.create(Cohort, { programme, offering: open, name: 'Omgång 2', description: 'Nästa omgång; anmälan är öppen.' });
    [90, 120, 150, 180].forEach((days, index) =>
      em.create(OfferingSession, {
        offering: open,
        title: index === 1 ? 'Chefsinternat' : `Träff ${index + 1}`,
        startsAt: dayAt(days, 8),
        endsAt: dayAt(index === 1 ? days + 1 : days, 15),
        venue: 'Linköpings stadshus',
        residential: index === 1,
      }),
    );
    for (const personId of newcomers) place(open, personId, RegistrationStatus.CONFIRMED);

    // The network for those who completed, with its first meeting.
    const network = em.create(Network, {
      name: 'Lärande chefsnätverk Östergötland',
      description: 'För chefer som har gått ledarutbildningen.',
      audienceRoles: ['MANAGER'],
      prerequisiteProgramme: programme,
    });
    const meetingOffering = em.create(Offering, {
      kind: OfferingKind.MEETING,
      status: OfferingStatus.OPEN,
      capacity: 15,
      registrationClosesAt: dayAt(30, 12),
      confirmedCount: 5,
    });
    em.create(NetworkMeeting, { network, offering: meetingOffering, title: 'Nätverksträff 1: Lärande i vardagen' });
    em.create(OfferingSession, {
      offering: meetingOffering,
      startsAt: dayAt(30, 12),
      endsAt: dayAt(30, 15),
      venue: 'Norrköpings stadshus',
    });
    graduates.slice(0, 10).forEach((personId, index) => {
      const person = people.get(personId)!;
      em.create(NetworkMembership, {
        network,
        person,
        organisation: em.getReference(Organisation, person.homeOrganisation.id),
        role: NetworkRole.MEMBER,
        joinedAt: dayAt(-50, 9),
      });
      if (index < 5) place(meetingOffering, personId, RegistrationStatus.CONFIRMED);
    });

    // An online information session for workplace coordinators.
    const event = em.create(Offering, {
      kind: OfferingKind.EVENT,
      status: OfferingStatus.OPEN,
      capacity: 100,
      audienceRoles: ['WORKPLACE_COORDINATOR', 'MANAGER'],
    });
    em.create(Event, {
      offering: event,
      kind: EventKind.INFORMATION_SESSION,
      name: 'Informationsträff för arbetsplatskoordinatorer',
      description: 'Vad rollen innebär och hur Evikomp stöttar den.',
    });
    em.create(OfferingSession, {
      offering: event,
      startsAt: dayAt(21, 8),
      endsAt: dayAt(21, 10),
      onlineUrl: 'https://teams.example.se/evikomp-information',
    });

    await em.flush();
    await recomputeCompletion(em, past.id, programme.completionThresholdPercent);
  });
}
