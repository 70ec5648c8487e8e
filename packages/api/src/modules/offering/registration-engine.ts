import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { auditEntryOwner } from '../../platform/unit-of-work.js';
import { outboxRow } from '../notification/outbox.js';
import { admissionAudit, admitInOneStatement, admittedRegistration, newPositionMarker } from './registration-admission.sql.js';
import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import { Person } from '../person/person.entity.js';
import { PersonErrors } from '../person/person.errors.js';
import { Role, RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import { ENDED, OfferingStatus, RegistrationStatus } from './offering.enums.js';
import { Offering } from './offering.entity.js';
import { OfferingRepository } from './offering.repository.js';
import { Registration } from './registration.entity.js';
import { RegistrationQueue, type ChangeListener, type EndReason } from './registration-queue.js';
import { registrationNotices } from './registration-notices.js';
import type { PortalLinks } from '../notification/portal-links.js';
import { OfferingPolicy } from './offering.policy.js';
import { WorkplacePolicy } from '../workplace/workplace.policy.js';

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
  alreadyEnded: (status: string) => DomainError.of('id', UserErrorCode.CONFLICT, `The registration has already ended (${status}).`),
  noOffer: () => DomainError.of('id', UserErrorCode.CONFLICT, 'There is no open offer of a place on this registration.'),
  offerLapsed: (expiredAt: Date) =>
    DomainError.of('id', UserErrorCode.CONFLICT, `The offer lapsed at ${expiredAt.toISOString()}; the place went to the next in line.`),
  notWaitlisted: () => DomainError.of('id', UserErrorCode.CONFLICT, 'Only a waitlisted registration has a place in the queue to move.'),
  positionOutOfRange: (length: number) => DomainError.of('position', UserErrorCode.INVALID, `The queue has positions 1 to ${length}.`),
  notPending: (status: string) =>
    DomainError.of(
      'id',
      UserErrorCode.CONFLICT,
      `Only a registration awaiting approval can be approved or rejected (this one is ${status}).`,
    ),
  offeringOver: (status: string) => DomainError.of('id', UserErrorCode.CONFLICT, `The offering is ${status}: it gives no places now.`),
};

/**
 * The one registration engine, shared by cohorts, network meetings and events: it checks who may
 * register whom, and leaves the places to `RegistrationQueue`. Every change locks the offering's row
 * first, so concurrent registrations (from any number of API processes) never overbook.
 */
export class RegistrationEngine {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessPolicy,
    private readonly today: string,
    links: PortalLinks,
    private readonly onChange: ChangeListener = registrationNotices(em, links),
  ) {
    // Every registration change goes through the engine: API clients need WRITE_TRAINING for any of them.
    OfferingPolicy.of(access).requireTrainingWrite();
  }

  private get registrations() {
    return this.em.getRepository(Registration);
  }

  queueOf(offering: Offering, now = new Date()): RegistrationQueue {
    return new RegistrationQueue(this.em, offering, now, this.onChange);
  }

  /**
   * `requirement` adds the offering's own condition (e.g. membership of a meeting's network); it throws
   * the typed error when unmet. Administrators are exempt, as from the window and the audience.
   */
  async register(
    offeringId: string,
    personId: string,
    offeringField: string,
    requirement?: (person: Person) => Promise<void>,
  ): Promise<Registration> {
    // Everything that needs no lock is read first: concurrent registrations queue on the offering's row
    // lock, so the shorter it is held, the more registrations per second one offering takes.
    const unlocked = await new OfferingRepository(this.em).findById(offeringId);
    if (!unlocked) throw RegistrationErrors.offeringNotFound(offeringField);
    const person = await this.em.getRepository(Person).findVisible(personId, OfferingPolicy.of(this.access).registrationScope());
    if (!person) throw PersonErrors.notFound('personId');
    this.access.require(
      await this.mayActFor(person, unlocked),
      'personId',
      'You may register yourself, people of the organisations you administer, or the workplace coordinators of your workplaces.',
    );
    if (!this.access.isAdministrator) {
      if (!(await inAudience(this.em, unlocked, person, this.today))) throw RegistrationErrors.outsideAudience();
      await requirement?.(person);
    }
    // A duplicate racing past this check meets the unique index registration_once (the same typed error).
    if (await this.registrations.findActive(unlocked.id, person.id)) throw RegistrationErrors.alreadyRegistered();
    await this.onChange.prepare?.(unlocked.id, this.access.personId);
    const admitted = await this.admitInOneStatement(unlocked, person);
    if (admitted) return admitted;

    const offering = (await this.registrations.lockOffering(offeringId))!;
    if (offering.status !== OfferingStatus.OPEN) throw RegistrationErrors.notOpen(offering.status);
    // Administrators may register outside the window and the audience (e.g. a late replacement).
    const now = new Date();
    if (
      !this.access.isAdministrator &&
      ((offering.registrationOpensAt && now < offering.registrationOpensAt) ||
        (offering.registrationClosesAt && now >= offering.registrationClosesAt))
    ) {
      throw RegistrationErrors.outsideWindow(offering.registrationOpensAt, offering.registrationClosesAt);
    }

    const row = { offering, person, organisation: person.homeOrganisation, registeredByPersonId: this.access.personId, registeredAt: now };
    // Whoever could approve it (an administrator, the person's organisation admin) registers them straight away.
    if (offering.requiresApproval && !OfferingPolicy.of(this.access).canManageRegistrationsOf(person.homeOrganisation.id)) {
      const pending = this.em.create(Registration, { ...row, status: RegistrationStatus.PENDING_APPROVAL, waitlistPosition: null });
      await this.onChange('APPROVAL_REQUESTED', pending, offering);
      return pending;
    }
    return this.queueOf(offering, now).admit(person.homeOrganisation.id, (status, waitlistPosition) =>
      this.em.create(Registration, { ...row, status, waitlistPosition }),
    );
  }

  /**
   * The common case of `register` in one statement under the lock (`admitInOneStatement`): everything but
   * the place is prepared first (the messages of both outcomes, the audit entry), so that the offering's row
   * is locked only for the database's work. Null when the offering is not as prepared (closed, outside the
   * window, approval, seat quotas): `register` then takes the general path, which answers each case.
   */
  private async admitInOneStatement(offering: Offering, person: Person): Promise<Registration | null> {
    const messages = this.onChange.messages;
    const audit = auditEntryOwner(this.em);
    if (!messages || !audit) return null;
    const approves = OfferingPolicy.of(this.access).canManageRegistrationsOf(person.homeOrganisation.id);
    if (offering.status !== OfferingStatus.OPEN || (offering.requiresApproval && !approves)) return null;
    const ids = {
      registrationId: randomUUID(),
      personId: person.id,
      organisationId: person.homeOrganisation.id,
      registeredByPersonId: this.access.personId,
    };
    const marker = newPositionMarker();
    const rows = async (change: 'CONFIRMED' | 'WAITLISTED') => {
      const outbox = await messages(change, admittedRegistration(ids, change === 'WAITLISTED' ? marker : null), offering, {
        ...(change === 'WAITLISTED' ? { waitlistReason: 'FULL' as const } : {}),
      });
      return (await Promise.all(outbox.map((message) => outboxRow(this.em, message)))).filter((row) => row !== null);
    };
    const row = await admitInOneStatement(this.em, {
      ...ids,
      offeringId: offering.id,
      now: new Date(),
      ignoresWindow: this.access.isAdministrator,
      approves,
      messages: { confirmed: await rows('CONFIRMED'), waitlisted: await rows('WAITLISTED') },
      positionMarker: String(marker),
      audit: admissionAudit(audit),
    });
    if (!row) return null;
    audit.written();
    const { locked_at: _lockedAt, ...registration } = row;
    return this.em.map(Registration, registration);
  }

  /** Approves a registration awaiting approval: it takes a place if there is room for its organisation, else joins the queue. */
  async approve(registrationId: string): Promise<Registration> {
    const { registration, offering } = await this.lockForDecision(registrationId);
    requireTakingPlaces(offering);
    await this.queueOf(offering).admitExisting(registration);
    return registration;
  }

  /** Rejects a registration awaiting approval, with a reason the person is told; they may register again. */
  async reject(registrationId: string, reason: string): Promise<Registration> {
    const { registration, offering } = await this.lockForDecision(registrationId);
    registration.status = RegistrationStatus.REJECTED;
    registration.rejectionReason = reason;
    await this.onChange('REJECTED', registration, offering);
    return registration;
  }

  /** Cancels a place, leaves the queue, or declines an offer; a freed place goes on at once. */
  async cancel(registrationId: string): Promise<Registration> {
    const { registration, offering } = await this.lockRegistration(registrationId);
    if (ENDED.includes(registration.status)) throw RegistrationErrors.alreadyEnded(registration.status);
    await this.queueOf(offering).end(registration, RegistrationStatus.CANCELLED);
    return registration;
  }

  /**
   * Ends a person's registrations in these offerings because of an owner's rule (e.g. they left the
   * network whose meetings are for members): each freed place goes on down that queue. The owner has
   * checked that the caller may act for the person. Offerings are locked in id order. How many ended.
   */
  async endPersonIn(offeringIds: readonly string[], personId: string, endedBecause: EndReason): Promise<number> {
    const active = await this.registrations.findActiveOfPersonIn(personId, offeringIds);
    const now = new Date();
    let ended = 0;
    for (const offeringId of [...new Set(active.map((registration) => registration.offering.id))].sort()) {
      const offering = (await this.registrations.lockOffering(offeringId))!;
      // Re-read under the lock: it may have ended or moved in the queue meanwhile.
      const registration = await this.registrations.findActive(offeringId, personId);
      if (!registration) continue;
      await this.em.refresh(registration);
      await this.queueOf(offering, now).end(registration, RegistrationStatus.CANCELLED, endedBecause);
      ended += 1;
    }
    return ended;
  }

  /** Cancels a locked offering: every place, offer, queue entry and pending registration ends, and each person is told. */
  async cancelOffering(offering: Offering): Promise<void> {
    offering.status = OfferingStatus.CANCELLED;
    await this.queueOf(offering).endAll('OFFERING_CANCELLED');
  }

  /** Accepts an offered place while the offer holds. */
  async acceptOffer(registrationId: string): Promise<Registration> {
    const { registration, offering } = await this.lockRegistration(registrationId);
    requireTakingPlaces(offering);
    const now = new Date();
    if (
      registration.status === RegistrationStatus.LAPSED ||
      (registration.status === RegistrationStatus.OFFERED && registration.offerExpiresAt! <= now)
    ) {
      throw RegistrationErrors.offerLapsed(registration.offerExpiresAt!);
    }
    if (registration.status !== RegistrationStatus.OFFERED) throw RegistrationErrors.noOffer();
    await this.queueOf(offering, now).accept(registration);
    return registration;
  }

  /**
   * Ends an open offer now (administrators): its expiry is set to now and the offering's expired offers
   * lapse exactly as the scheduled job lapses them (the person is told, the place goes on down the queue).
   */
  async expireOffer(registrationId: string): Promise<Registration> {
    this.access.require(this.access.isAdministrator, null, 'Only administrators end offers early.');
    const { registration, offering } = await this.lockVisible(registrationId);
    if (registration.status !== RegistrationStatus.OFFERED) throw RegistrationErrors.noOffer();
    const now = new Date();
    registration.offerExpiresAt = now;
    await this.queueOf(offering, now).lapseExpiredOffers();
    return registration;
  }

  /** Moves a waitlisted person to another place in the queue (administrators). */
  async moveInQueue(registrationId: string, position: number): Promise<Registration> {
    this.access.require(this.access.isAdministrator, null, 'Only administrators reorder the waitlist.');
    const { registration, offering } = await this.lockRegistration(registrationId);
    if (registration.status !== RegistrationStatus.WAITLISTED) throw RegistrationErrors.notWaitlisted();
    if (position > offering.waitlistedCount) throw RegistrationErrors.positionOutOfRange(offering.waitlistedCount);
    await this.queueOf(offering).moveInQueue(registration, position);
    return registration;
  }

  /**
   * Moves a person's registration to another offering (administrators): the old one is cancelled (its
   * place goes to that queue) and the person is registered in the other, where they get a place or
   * the end of its queue. Both offerings are locked, in id order, so two moves the opposite way wait
   * for each other instead of deadlocking.
   */
  async transfer(registrationId: string, toOfferingId: string, toField: string): Promise<Registration> {
    this.access.require(this.access.isAdministrator, null, 'Only administrators move registrations between offerings.');
    const found = await this.registrations.findVisible(registrationId, OfferingPolicy.of(this.access).registrationScope());
    if (!found) throw RegistrationErrors.notFound();
    if (found.offering.id === toOfferingId) throw DomainError.of(toField, UserErrorCode.CONFLICT, 'The registration is already there.');
    const locked = new Map<string, Offering>();
    for (const id of [found.offering.id, toOfferingId].sort()) {
      const offering = await this.registrations.lockOffering(id);
      if (offering) locked.set(id, offering);
    }
    const source = locked.get(found.offering.id)!;
    const target = locked.get(toOfferingId);
    if (!target) throw RegistrationErrors.offeringNotFound(toField);
    if (source.kind !== target.kind)
      throw DomainError.of(
        'id',
        UserErrorCode.CONFLICT,
        `A ${source.kind.toLowerCase()} registration moves only to another ${source.kind.toLowerCase()}.`,
      );
    requireTakingPlaces(target);
    const registration = await this.registrations.findOneOrFail({ id: registrationId }, { refresh: true, populate: ['person'] });
    if (ENDED.includes(registration.status)) throw RegistrationErrors.alreadyEnded(registration.status);
    const person = registration.person.getEntity();
    if (await this.registrations.findActive(target.id, person.id)) throw RegistrationErrors.alreadyRegistered();
    const now = new Date();
    await this.queueOf(source, now).end(registration, RegistrationStatus.CANCELLED);
    const row = {
      offering: target,
      person,
      organisation: person.homeOrganisation,
      registeredByPersonId: this.access.personId,
      registeredAt: now,
    };
    return this.queueOf(target, now).admit(person.homeOrganisation.id, (status, waitlistPosition) =>
      this.em.create(Registration, { ...row, status, waitlistPosition }),
    );
  }

  /**
   * A new number of places for a locked offering: never below the places confirmed or offered, nor
   * below its seat quotas together. New places go to the queue when the caller then promotes.
   */
  async resize(offering: Offering, capacity: number): Promise<void> {
    const held = offering.confirmedCount + offering.offeredCount;
    if (capacity < held)
      throw DomainError.of(
        'capacity',
        UserErrorCode.CONFLICT,
        `${held} places are already confirmed or offered; cancel registrations first.`,
      );
    const reserved = (await new OfferingRepository(this.em).findQuotas(offering.id)).reduce((sum, quota) => sum + quota.places, 0);
    if (capacity < reserved) throw DomainError.of('capacity', UserErrorCode.CONFLICT, `The seat quotas reserve ${reserved} places.`);
    offering.capacity = capacity;
  }

  /** Gives free places to the queue (after a raised capacity or a reopened offering). */
  promote(offering: Offering): Promise<void> {
    return this.queueOf(offering).promote();
  }

  /** Finds a registration the caller may see, and locks its offering. */
  private async lockVisible(registrationId: string): Promise<{ registration: Registration; offering: Offering }> {
    const found = await this.registrations.findVisible(registrationId, OfferingPolicy.of(this.access).registrationScope());
    if (!found) throw RegistrationErrors.notFound();
    const offering = (await this.registrations.lockOffering(found.offering.id))!;
    // Re-read under the lock: the registration may have moved in the queue (or been decided on) meanwhile.
    const registration = await this.registrations.findOneOrFail({ id: registrationId }, { refresh: true });
    return { registration, offering };
  }

  /** A registration the caller may see and change, with its offering locked. */
  private async lockRegistration(registrationId: string): Promise<{ registration: Registration; offering: Offering }> {
    const locked = await this.lockVisible(registrationId);
    const person = await this.em.getRepository(Person).findOneOrFail({ id: locked.registration.person.id });
    this.access.require(
      await this.mayActFor(person, locked.offering),
      'id',
      'You may change your own registrations, those of people you administer, or those of your workplace coordinators.',
    );
    return locked;
  }

  /** A pending registration the caller may approve or reject, with its offering locked. */
  private async lockForDecision(registrationId: string): Promise<{ registration: Registration; offering: Offering }> {
    const locked = await this.lockVisible(registrationId);
    this.access.require(
      OfferingPolicy.of(this.access).canManageRegistrationsOf(locked.registration.organisation.id),
      'id',
      "Administrators and the organisation admins of the person's organisation approve registrations.",
    );
    if (locked.registration.status !== RegistrationStatus.PENDING_APPROVAL) throw RegistrationErrors.notPending(locked.registration.status);
    return locked;
  }

  private mayActFor(person: Person, offering: Offering): Promise<boolean> {
    return mayRegisterFor(this.access, { id: person.id, homeOrganisationId: person.homeOrganisation.id }, offering.audienceRoles, () =>
      rolesHeldOn(this.em, person.id, this.today),
    );
  }
}

/** A role a person holds today, as the audience and acting-for rules read it. */
export interface HeldRole {
  role: string;
  workplaceId: string | null;
}

/** The person as the registration rules read them. */
export interface RegistrantFacts {
  id: string;
  homeOrganisationId: string;
}

/** The roles a person holds on `day`, read through the ORM (the general path). */
async function rolesHeldOn(em: EntityManager, personId: string, day: string): Promise<HeldRole[]> {
  const roles = await em.getRepository(RoleAssignment).findActiveForPerson(personId, day);
  return roles.map((role) => ({ role: role.role, workplaceId: role.workplace?.id ?? null }));
}

/**
 * Whom the caller may register (or change the registrations of): oneself; people of the organisations one
 * administers; and, for offerings meant for workplace coordinators, a manager for the coordinators of their own
 * workplaces. The one copy of the rule, over plain values: the person's roles today are read only when needed.
 */
export async function mayRegisterFor(
  access: AccessPolicy,
  person: RegistrantFacts,
  audienceRoles: readonly string[],
  rolesToday: () => Promise<readonly HeldRole[]> | readonly HeldRole[],
): Promise<boolean> {
  if (access.isSelf(person.id) || OfferingPolicy.of(access).canManageRegistrationsOf(person.homeOrganisationId)) return true;
  if (!audienceRoles.includes(Role.WORKPLACE_COORDINATOR)) return false;
  return (await rolesToday()).some(
    (role) =>
      role.role === Role.WORKPLACE_COORDINATOR &&
      role.workplaceId !== null &&
      WorkplacePolicy.of(access).managesWorkplace(role.workplaceId),
  );
}

/**
 * Whether a person is in an audience (of an offering or a network): one of its organisations and one of its
 * roles held today. The one copy of the rule, over plain values.
 */
export async function inAudienceOf(
  audience: { audienceRoles: readonly string[]; audienceOrganisationIds: readonly string[] },
  person: RegistrantFacts,
  rolesToday: () => Promise<readonly HeldRole[]> | readonly HeldRole[],
): Promise<boolean> {
  if (audience.audienceOrganisationIds.length > 0 && !audience.audienceOrganisationIds.includes(person.homeOrganisationId)) return false;
  if (audience.audienceRoles.length === 0) return true;
  return (await rolesToday()).some((role) => audience.audienceRoles.includes(role.role));
}

/** The person a training mutation is for: the one given, or the signed-in caller (API clients must say). */
export function personOrSelf(globalId: string | null | undefined, access: AccessPolicy): string {
  const personId = globalId ? requireEntityId(globalId, 'Person', 'personId') : access.personId;
  if (!personId) throw DomainError.of('personId', UserErrorCode.INVALID, 'Say whom this is for.');
  return personId;
}

/** Places are given (approved, accepted, moved into) only in offerings that are open or closed for new registrations. */
function requireTakingPlaces(offering: Offering): void {
  if (offering.status !== OfferingStatus.OPEN && offering.status !== OfferingStatus.CLOSED)
    throw RegistrationErrors.offeringOver(offering.status);
}

/** `inAudienceOf` for a person entity, reading their roles through the ORM when the audience names roles. */
export function inAudience(
  em: EntityManager,
  audience: { audienceRoles: string[]; audienceOrganisationIds: string[] },
  person: Person,
  today: string,
): Promise<boolean> {
  return inAudienceOf(audience, { id: person.id, homeOrganisationId: person.homeOrganisation.id }, () => rolesHeldOn(em, person.id, today));
}
