import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { RegistrationEngine } from './registration-engine.js';
import { OfferingRepository } from './offering.repository.js';
import { Attendance } from './attendance.entity.js';
import { Registration } from './registration.entity.js';

/** What an erased person's rejected registrations keep of the reason. */
export const ERASED_REASON = '[raderad]';

export const registrationPersonalData: PersonalDataContributor = {
  // Attendance rows name who recorded them; they are exported with the registrations they belong to.
  entities: [Registration, Attendance],
  async export(em, personId) {
    const [registrations, attendance] = await Promise.all([
      em.getRepository(Registration).findAllOfPerson(personId),
      new OfferingRepository(em).findAttendanceOfPerson(personId),
    ]);
    return {
      registrations: registrations.map((registration) => ({
        id: registration.id,
        offeringId: registration.offering.id,
        status: registration.status,
        waitlistPosition: registration.waitlistPosition,
        registeredAt: registration.registeredAt,
        cancelledAt: registration.cancelledAt,
        offerExpiresAt: registration.offerExpiresAt,
        completedOn: registration.completedOn,
        rejectionReason: registration.rejectionReason,
      })),
      attendance: attendance.map((entry) => ({
        registrationId: entry.registration.id,
        sessionStartsAt: entry.session.getEntity().startsAt,
        status: entry.status,
        recordedAt: entry.recordedAt,
      })),
    };
  },
  // Last but one: this locks offerings, after the rows others may hold are gone.
  eraseOrder: 60,
  async erase(em, person, ctx) {
    // A rejection's reason is free text about them.
    await em.getRepository(Registration).replaceRejectionReasons(person.id, ERASED_REASON);
    // Places they held go on down the queues (no message reaches an erased person).
    // Offerings are locked in id order, as every operation that locks more than one does.
    const engine = new RegistrationEngine(em, ctx.access, ctx.today, ctx.dependencies.portalLinks);
    const active = await em.getRepository(Registration).findActiveOfPerson(person.id);
    for (const registration of active.sort((a, b) => a.offering.id.localeCompare(b.offering.id))) await engine.cancel(registration.id);
  },
};
