import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessPolicy } from '../../common/access/access-policy.js';
import { DomainError, UserErrorCode } from '../../common/errors/user-error.js';
import { Person } from '../person/person.entity.js';
import { PersonErrors } from '../person/person.errors.js';
import { RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import { Offering, OfferingStatus, Registration, RegistrationStatus } from './registration.entities.js';

export const RegistrationErrors = {
  offeringNotFound: (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'Nothing to register for has this id.'),
  notFound: () => DomainError.of('id', UserErrorCode.NOT_FOUND, 'No registration has this id.'),
  notOpen: (status: string) => DomainError.of(null, UserErrorCode.CONFLICT, `Registration is not open (the status is ${status}).`),
  outsideWindow: (opensAt: Date | null, closesAt: Date | null) => {
    const window = [opensAt && `from ${opensAt.toISOString()}`, closesAt && `until ${closesAt.toISOString()}`].filter(Boolean).join(' ');
    return DomainError.of(null, UserErrorCode.CONFLICT, `Registration is open ${window}.`);
  },
  outsideAudience: () => DomainError.of('personId', UserErrorCode.FORBIDDEN, 'The person is not in the audience of this offering.'),
  alreadyRegistered: () => DomainError.of('personId', UserErrorCode.CONFLICT, 'The person is already registered.'),
  alreadyCancelled: () => DomainError.of('id', UserErrorCode.CONFLICT, 'The registration is already cancelled.'),
};

/**
 * The one registration engine: confirm while places are left, otherwise queue; a freed place goes to
 * the first in the queue in the same transaction, and the queue closes up. Every change locks the
 * offering's row, so concurrent registrations (from any number of API processes) never overbook.
 */
export class RegistrationEngine {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessPolicy,
    private readonly today: string,
  ) {}

  async register(offeringId: string, personId: string, offeringField: string): Promise<Registration> {
    const registrations = this.em.getRepository(Registration);
    const offering = await registrations.lockOffering(offeringId);
    if (!offering) throw RegistrationErrors.offeringNotFound(offeringField);
    const person = await this.em.getRepository(Person).findVisible(personId, this.access.readScope());
    if (!person) throw PersonErrors.notFound('personId');
    this.access.require(this.access.isSelf(person.id) || this.access.canManageOrganisationData(person.homeOrganisation.id), 'personId', 'You may register yourself, or people of the organisations you administer.');

    if (offering.status !== OfferingStatus.OPEN) throw RegistrationErrors.notOpen(offering.status);
    // Administrators may register outside the window and the audience (e.g. a late replacement).
    if (!this.access.isAdministrator) {
      const now = new Date();
      if ((offering.registrationOpensAt && now < offering.registrationOpensAt) || (offering.registrationClosesAt && now >= offering.registrationClosesAt)) {
        throw RegistrationErrors.outsideWindow(offering.registrationOpensAt, offering.registrationClosesAt);
      }
      if (!(await this.inAudience(offering, person))) throw RegistrationErrors.outsideAudience();
    }
    if (await registrations.findActive(offering.id, person.id)) throw RegistrationErrors.alreadyRegistered();

    const confirmed = offering.hasRoom();
    if (confirmed) offering.confirmedCount += 1;
    else offering.waitlistedCount += 1;
    return this.em.create(Registration, {
      offering,
      person,
      status: confirmed ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED,
      waitlistPosition: confirmed ? null : offering.waitlistedCount,
      registeredByPersonId: this.access.personId,
    });
  }

  async cancel(registrationId: string): Promise<Registration> {
    const registrations = this.em.getRepository(Registration);
    const found = await registrations.findVisible(registrationId, this.access.readScope());
    if (!found) throw RegistrationErrors.notFound();
    const offering = await registrations.lockOffering(found.offering.id);
    // Re-read under the lock: the registration may have moved in the queue meanwhile.
    const registration = await registrations.findOneOrFail({ id: registrationId }, { refresh: true });
    const person = await this.em.getRepository(Person).findOneOrFail({ id: registration.person.id });
    this.access.require(this.access.isSelf(person.id) || this.access.canManageOrganisationData(person.homeOrganisation.id), 'id', 'You may cancel your own registrations, or those of people you administer.');
    if (registration.status === RegistrationStatus.CANCELLED) throw RegistrationErrors.alreadyCancelled();

    const wasConfirmed = registration.status === RegistrationStatus.CONFIRMED;
    const position = registration.waitlistPosition;
    registration.status = RegistrationStatus.CANCELLED;
    registration.waitlistPosition = null;
    registration.cancelledAt = new Date();
    if (wasConfirmed) {
      offering!.confirmedCount -= 1;
      await this.promote(offering!);
    } else if (position !== null) {
      offering!.waitlistedCount -= 1;
      await registrations.closeUpBehind(offering!.id, position);
    }
    return registration;
  }

  /** Gives free places to the first in the queue (after a cancellation or a raised capacity). */
  async promote(offering: Offering): Promise<void> {
    const registrations = this.em.getRepository(Registration);
    while (offering.hasRoom() && offering.waitlistedCount > 0) {
      const next = await registrations.findFirstWaiting(offering.id);
      if (!next) break;
      next.status = RegistrationStatus.CONFIRMED;
      next.waitlistPosition = null;
      offering.confirmedCount += 1;
      offering.waitlistedCount -= 1;
      await registrations.closeUpBehind(offering.id, 1);
    }
  }

  private async inAudience(offering: Offering, person: Person): Promise<boolean> {
    if (offering.audienceOrganisationIds.length > 0 && !offering.audienceOrganisationIds.includes(person.homeOrganisation.id)) return false;
    if (offering.audienceRoles.length === 0) return true;
    const roles = await this.em.getRepository(RoleAssignment).findActiveForPerson(person.id, this.today);
    return roles.some((role) => offering.audienceRoles.includes(role.role));
  }
}
