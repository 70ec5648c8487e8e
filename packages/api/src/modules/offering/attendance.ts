import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { AttendanceStatus, RegistrationStatus } from './offering.enums.js';
import { Attendance } from './attendance.entity.js';
import type { OfferingSession } from './offering-session.entity.js';
import { Registration } from './registration.entity.js';
import { OfferingRepository } from './offering.repository.js';
import { OfferingPolicy } from './offering.policy.js';

export interface AttendanceEntry {
  registrationId: string;
  status: AttendanceStatus;
}

/**
 * Records who attended a session. Administrators record for everyone, competence coordinators for the
 * people of their workplaces; only confirmed places have attendance, and only once the session has started.
 */
export async function recordAttendance(
  em: EntityManager,
  access: AccessPolicy,
  session: OfferingSession,
  entries: AttendanceEntry[],
  now: Date = new Date(),
): Promise<void> {
  if (session.startsAt.getTime() > now.getTime())
    throw DomainError.of('sessionId', UserErrorCode.CONFLICT, 'The session has not started yet: attendance is recorded from its start.');
  const ids = entries.map((entry) => entry.registrationId);
  const duplicate = ids.findIndex((id, index) => ids.indexOf(id) !== index);
  if (duplicate >= 0)
    throw DomainError.of(`entries.${duplicate}.registrationId`, UserErrorCode.INVALID, 'Each registration may appear once.');
  const repository = em.getRepository(Registration);
  const registrations = await repository.find({
    $and: [{ id: { $in: ids }, offering: session.offering.id }, repository.visibleTo(OfferingPolicy.of(access).attendanceScope())],
  });
  entries.forEach((entry, index) => {
    const registration = registrations.find((found) => found.id === entry.registrationId);
    if (!registration)
      throw DomainError.of(
        `entries.${index}.registrationId`,
        UserErrorCode.NOT_FOUND,
        "No registration of this session's offering that you record attendance for has this id.",
      );
    if (registration.status !== RegistrationStatus.CONFIRMED)
      throw DomainError.of(
        `entries.${index}.registrationId`,
        UserErrorCode.CONFLICT,
        `Only confirmed places have attendance (this one is ${registration.status}).`,
      );
  });
  const existing = await new OfferingRepository(em).findAttendance(session.id, ids);
  for (const entry of entries) {
    const found = existing.find((attendance) => attendance.registration.id === entry.registrationId);
    const recorded = { status: entry.status, recordedByPersonId: access.personId, recordedAt: new Date() };
    if (found) Object.assign(found, recorded);
    else em.create(Attendance, { session, registration: em.getReference(Registration, entry.registrationId), ...recorded });
  }
}

/**
 * The completion rule: a place is completed on the day (in Sweden) of the attended session with which
 * the participant reached the threshold share of all the offering's sessions. Recomputed for the whole
 * offering in one statement whenever attendance or the sessions change, under the offering's row lock
 * (callers take it). A completion stays with a place that ends later (cancelled or moved after completing).
 */
export async function recomputeCompletion(em: EntityManager, offeringId: string, thresholdPercent: number | null): Promise<void> {
  await em.flush();
  const total = await new OfferingRepository(em).countSessions(offeringId);
  // The number of sessions to attend: the threshold share, rounded up (80 % of 5 sessions is 4).
  const required = thresholdPercent === null || total === 0 ? 0 : Math.ceil((total * thresholdPercent) / 100);
  await em.getRepository(Registration).recomputeCompletion(offeringId, required);
}
