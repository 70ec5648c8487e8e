import type { ServiceContext } from '../../platform/context.js';
import { DomainError, UserErrorCode } from '../../platform/errors/user-error.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { ApiClient } from '../api-client/api-client.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Account, PasswordReset, Session } from '../auth/auth.entities.js';
import { forgetAccountAttempts } from '../auth/sign-in-throttle.js';
import { CalendarFeed } from '../calendar/calendar-feed.entity.js';
import { NetworkMembership } from '../network/network.entities.js';
import { RegistrationEngine } from '../registration/registration-engine.js';
import { Attendance, ENDED, Registration } from '../registration/registration.entities.js';
import { Notification } from '../notification/notification.entity.js';
import { RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import { Language, Person } from './person.entity.js';
import { PersonErrors } from './person.errors.js';
import type { PersonEraseInput } from './person.inputs.js';

/** What an erased person's record keeps: nothing that names or reaches them. */
export const ERASED = { firstName: 'Raderad', lastName: 'person' } as const;
/** What an erased person's rejected registrations keep of the reason. */
export const ERASED_REASON = '[raderad]';

/** GDPR: everything the system holds about one person, and the erasure of their personal data. */
export class PersonalDataService {
  constructor(private readonly ctx: ServiceContext) {}


  /** Everything held about a person, as one JSON document (register extract, GDPR art. 15). */
  async export(personId: string): Promise<Record<string, unknown> | null> {
    this.ctx.access.requireToRead(this.ctx.access.isAdministrator, 'Only administrators export personal data.');
    const em = this.ctx.em;
    const person = await em.findOne(Person, { id: personId }, { populate: ['homeOrganisation'] });
    if (!person) return null;
    const [registrations, attendance, memberships, apiClients] = await Promise.all([
      em.find(Registration, { person }, { orderBy: { registeredAt: 'asc' } }),
      em.find(Attendance, { registration: { person } }, { populate: ['session'], orderBy: { recordedAt: 'asc' } }),
      em.find(NetworkMembership, { person }, { populate: ['network'], orderBy: { joinedAt: 'asc' } }),
      em.find(ApiClient, { createdByPersonId: person.id }, { orderBy: { createdAt: 'asc' } }),
    ]);
    const [roles, account, sessions, resets, notifications, calendarFeeds, actedIn, about] = await Promise.all([
      em.find(RoleAssignment, { person }, { orderBy: { startsOn: 'asc' } }),
      em.findOne(Account, { person }),
      em.find(Session, { person }, { orderBy: { createdAt: 'asc' } }),
      em.find(PasswordReset, { person }, { orderBy: { createdAt: 'asc' } }),
      em.find(Notification, { person }, { orderBy: { createdAt: 'asc' } }),
      em.find(CalendarFeed, { person }, { orderBy: { createdAt: 'asc' } }),
      em.find(AuditEntry, { actorPersonId: person.id }, { orderBy: { occurredAt: 'asc' } }),
      em.find(AuditEntry, { entityType: 'Person', entityId: person.id }, { orderBy: { occurredAt: 'asc' } }),
    ]);
    const aboutRoles = roles.length
      ? await em.find(AuditEntry, { entityType: 'RoleAssignment', entityId: { $in: roles.map((role) => role.id) } }, { orderBy: { occurredAt: 'asc' } })
      : [];
    return {
      exportedAt: new Date().toISOString(),
      person: {
        id: person.id,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        phone: person.phone,
        language: person.language,
        homeOrganisation: { id: person.homeOrganisation.id, name: person.homeOrganisation.getEntity().name },
        createdAt: person.createdAt,
        updatedAt: person.updatedAt,
        erasedAt: person.erasedAt,
      },
      roleAssignments: roles.map((role) => ({
        id: role.id,
        role: role.role,
        workplaceId: role.workplace?.id ?? null,
        organisationId: role.organisation?.id ?? null,
        startsOn: role.startsOn,
        endsOn: role.endsOn,
      })),
      account: account && { createdAt: account.createdAt, passwordChangedAt: account.passwordChangedAt },
      sessions: sessions.map((session) => ({ createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt, revokedAt: session.revokedAt })),
      passwordResets: resets.map((reset) => ({ createdAt: reset.createdAt, expiresAt: reset.expiresAt, usedAt: reset.usedAt })),
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
      attendance: attendance.map((entry) => ({ registrationId: entry.registration.id, sessionStartsAt: entry.session.getEntity().startsAt, status: entry.status, recordedAt: entry.recordedAt })),
      networkMemberships: memberships.map((membership) => ({ network: membership.network.getEntity().name, role: membership.role, joinedAt: membership.joinedAt, leftAt: membership.leftAt })),
      apiClientsCreated: apiClients.map((client) => ({ id: client.id, name: client.name, createdAt: client.createdAt, revokedAt: client.revokedAt })),
      calendarFeeds: calendarFeeds.map((feed) => ({ kind: feed.kind, cohortId: feed.cohort?.id ?? null, createdAt: feed.createdAt, revokedAt: feed.revokedAt })),
      notifications: notifications.map((notification) => ({ createdAt: notification.createdAt, kind: notification.kind, subject: notification.subject, status: notification.status, sentAt: notification.sentAt })),
      changesMade: actedIn.map((entry) => ({ occurredAt: entry.occurredAt, operation: entry.operation, subjectType: entry.entityType, subjectId: entry.entityId })),
      changesAbout: [...about, ...aboutRoles]
        .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
        .map((entry) => ({ occurredAt: entry.occurredAt, operation: entry.operation, subjectType: entry.entityType, changes: entry.changes })),
    };
  }

  /**
   * Erases a person's personal data (GDPR art. 17): names, e-mail and phone are anonymised; sign-in,
   * sessions, reset links, e-mail notifications and calendar feeds are deleted; places they held go to the
   * queues and memberships end; role, registration and membership history stays as an anonymous
   * record so statistics per organisation still add up. The audit trail records the erasure (its
   * entries never hold personal data).
   */
  async erase(input: PersonEraseInput): Promise<Person> {
    this.ctx.access.require(this.ctx.access.isAdministrator, null, 'Only administrators erase personal data.');
    const id = requireEntityId(input.id, 'Person', 'id');
    if (input.confirm !== true) throw DomainError.of('confirm', UserErrorCode.INVALID, 'Confirm the erasure: it cannot be undone.');
    if (this.ctx.access.isSelf(id)) throw DomainError.of('id', UserErrorCode.CONFLICT, 'You cannot erase yourself.');
    return unitOfWork(this.ctx, 'personErase', async (em) => {
      const person = await em.findOne(Person, { id });
      if (!person) throw PersonErrors.notFound('id');
      if (person.erasedAt) throw DomainError.of('id', UserErrorCode.CONFLICT, 'The personal data is already erased.');
      await forgetAccountAttempts(em, person.email);
      // Roles end today (or are cancelled if not yet started); their history stays, anonymous.
      for (const role of await em.getRepository(RoleAssignment).findOpenForPerson(person.id, this.ctx.today)) {
        role.endsOn = role.startsOn > this.ctx.today ? role.startsOn : this.ctx.today;
      }
      person.firstName = ERASED.firstName;
      person.lastName = ERASED.lastName;
      person.email = `erased-${person.id}@invalid`;
      person.phone = null;
      person.language = Language.SV;
      person.erasedAt = new Date();
      // Rows other work may hold locks on go first, before any offering is locked (the notification
      // worker keeps a message's row during its send; an offering's queue must not wait for that).
      await em.nativeDelete(Session, { person: id });
      await em.nativeDelete(PasswordReset, { person: id });
      await em.nativeDelete(Account, { person: id });
      // The outbox holds the address and texts sent to them (unsent ones included: they go nowhere now).
      await em.nativeDelete(Notification, { person: id });
      // Their feed URLs are secrets in their calendar apps: they stop working with the person.
      await em.nativeDelete(CalendarFeed, { person: id });
      // A rejection's reason is free text about them.
      await em.nativeUpdate(Registration, { person: id, rejectionReason: { $ne: null } }, { rejectionReason: ERASED_REASON });
      // Places they held go on down the queues (no message reaches an erased person); memberships end.
      // Offerings are locked in id order, as every operation that locks more than one does.
      const engine = new RegistrationEngine(em, this.ctx.access, this.ctx.today);
      const active = await em.find(Registration, { person: id, status: { $nin: ENDED } });
      for (const registration of active.sort((a, b) => a.offering.id.localeCompare(b.offering.id))) await engine.cancel(registration.id);
      for (const membership of await em.find(NetworkMembership, { person: id, leftAt: null })) membership.leftAt = person.erasedAt;
      return person;
    });
  }
}
