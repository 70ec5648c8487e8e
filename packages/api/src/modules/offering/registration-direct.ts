import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../platform/context.js';
import { renderOutboxRow, type OutboxRow } from '../notification/outbox.js';
import { OfferingStatus } from './offering.enums.js';
import type { OfferingOwnerRef } from './offering.repository.js';
import { OfferingPolicy } from './offering.policy.js';
import { admissionAudit, admitOnItsOwn, admittedRegistration, newPositionMarker } from './registration-admission.sql.js';
import { inAudienceOf, mayRegisterFor } from './registration-engine.js';
import { describeOffering, registrantMessage } from './registration-notices.js';
import { readRegistrationPrerequisites } from './registration-prerequisites.sql.js';
import type { RegistrationFacts } from './registration.entity.js';

/**
 * Whether the common case is taken directly: always, except in the tests that compare it with the general path
 * (`setDirectRegistration(false)` through the test helpers sends every registration through its unit of work).
 */
const state = { enabled: true };
export function setDirectRegistration(enabled: boolean): void {
  state.enabled = enabled;
}

/**
 * The common case of a new registration in two round trips and no unit of work: one statement reads
 * everything before the lock as plain values (`readRegistrationPrerequisites`), the same rules as the general
 * path decide on them (`mayRegisterFor`, `inAudienceOf`), both outcomes' messages are rendered, and the admitting
 * statement (`admitOnItsOwn`: the lock, the place, the counters, the registration, its messages and its audit
 * entry) is its own transaction. Null whenever anything is unusual (no such owner, a person the caller may not
 * see or register, outside the audience, already registered, not open, outside the window, an approval step,
 * seat quotas holding, an owner's own requirement): the caller then takes the general path, which answers each
 * case with its typed error, or registers as it always has. Nothing is written unless the registration is.
 */
export async function registerDirectly(
  ctx: ServiceContext,
  operation: string,
  owner: OfferingOwnerRef,
  personId: string,
): Promise<RegistrationFacts | null> {
  const access = ctx.access;
  const policy = OfferingPolicy.of(access);
  if (!state.enabled || !policy.mayWriteTraining() || ctx.em.getTransactionContext()) return null;
  const facts = await readRegistrationPrerequisites(ctx.em, access, ctx.today, owner, personId, !access.isAdministrator);
  const person = facts?.person;
  if (!facts || !person || facts.registered) return null;
  const { offering } = facts;
  const rolesToday = () => facts.rolesToday ?? [];
  if (!(await mayRegisterFor(access, person, offering.audienceRoles, rolesToday))) return null;
  if (!access.isAdministrator && !(await inAudienceOf(offering, person, rolesToday))) return null;
  const approves = policy.canManageRegistrationsOf(person.homeOrganisationId);
  // Not worth rendering messages for: the admitting statement would refuse it (it decides these under the lock).
  if (offering.status !== OfferingStatus.OPEN || (offering.requiresApproval && !approves)) return null;

  const now = new Date();
  const ids = {
    registrationId: randomUUID(),
    personId: person.id,
    organisationId: person.homeOrganisationId,
    registeredByPersonId: access.personId,
  };
  const marker = newPositionMarker();
  const description = describeOffering(facts.details, now.getTime());
  const recipient = { id: person.id, email: person.email, language: person.language, erasedAt: person.erased ? now : null };
  const rows = (change: 'CONFIRMED' | 'WAITLISTED'): OutboxRow[] => {
    const message = registrantMessage(
      ctx.dependencies.portalLinks,
      change,
      admittedRegistration(ids, change === 'WAITLISTED' ? marker : null),
      description,
      facts.registrarName,
      change === 'WAITLISTED' ? { waitlistReason: 'FULL' } : {},
    );
    const row = renderOutboxRow(recipient, message);
    return row ? [row] : [];
  };
  const row = await admitOnItsOwn(ctx.em, {
    ...ids,
    offeringId: offering.id,
    now,
    ignoresWindow: access.isAdministrator,
    approves,
    messages: { confirmed: rows('CONFIRMED'), waitlisted: rows('WAITLISTED') },
    positionMarker: String(marker),
    audit: admissionAudit({ operation, actor: access.actor, requestId: ctx.requestId }),
  });
  if (!row) return null;
  ctx.afterChange?.();
  // Plain values, no entity: what the mutation answers is mapped from them (`toRegistrationObject`).
  return {
    id: row.id,
    status: row.status,
    waitlistPosition: row.waitlist_position,
    registeredAt: new Date(row.registered_at),
    cancelledAt: null,
    offerExpiresAt: null,
    completedOn: null,
    rejectionReason: null,
    person: { id: row.person_id },
    offering: { id: row.offering_id },
  };
}
