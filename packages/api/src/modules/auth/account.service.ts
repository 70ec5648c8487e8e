import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { recordAuditEntry } from '../audit/audit-trail.js';
import { enqueueNotification, NotificationKind } from '../notification/outbox.js';
import { Person } from '../person/person.entity.js';
import { PersonPolicy } from '../person/person.policy.js';
import { RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { Account } from './account.entity.js';
import { AccountErrors } from './account.errors.js';
import { AccountInvitation } from './account-invitation.entity.js';
import {
  MAX_INVITATIONS_AT_ONCE,
  type AccountInvitationAcceptInput,
  type AccountInviteManyInput,
  type AccountPersonInput,
} from './account.inputs.js';
import { AccountPolicy, type AccountHolder } from './account.policy.js';
import type { AuthDependencies } from './auth.service.js';
import { PasswordReset } from './password-reset.entity.js';
import { hashPassword, newToken, tokenHash } from './secrets.js';
import { Session } from './session.entity.js';

/** How long an invitation link works: days, not hours (people do not read work mail every day). */
export const INVITATION_DAYS = 7;

export type InvitationOutcome = 'INVITED' | 'ALREADY_HAS_ACCOUNT' | 'NO_EMAIL_ADDRESS' | 'NOT_ALLOWED';

export interface InvitationReport {
  personId: string;
  person: Person | null;
  outcome: InvitationOutcome;
  expiresAt: Date | null;
}

/**
 * The life cycle of sign-in accounts: invitations (a single-use link to choose a password), activation,
 * deactivation and reactivation. Who may do it is `AccountPolicy`; every change is audited.
 */
export class AccountService {
  private readonly deps: AuthDependencies;

  constructor(private readonly ctx: ServiceContext) {
    this.deps = ctx.dependencies.auth;
  }

  /** Invites one person; a link sent earlier stops working. */
  async invite(input: AccountPersonInput): Promise<Person> {
    await assertValidInput(input);
    const personId = requireEntityId(input.personId, 'Person', 'personId');
    this.requirePersonCaller();
    return unitOfWork(this.ctx, 'accountInvite', async (em) => {
      const person = await this.manageable(em, personId);
      if (await em.getRepository(Account).findForPerson(person.id)) throw AccountErrors.alreadyHasAccount();
      if (!hasAddress(person)) throw AccountErrors.noEmailAddress();
      await em.getRepository(AccountInvitation).expireAllOf([person.id]);
      await this.createInvitation(em, person, await this.inviterName(em));
      return person;
    });
  }

  /**
   * Invites a person just created or given a role, in the same transaction, with an audit entry of its own
   * (`field` names the input flag in errors). Nothing happens when they already have an account.
   */
  async inviteAlongside(em: EntityManager, person: Person, field: string): Promise<void> {
    if (!AccountPolicy.of(this.ctx.access).managesAccounts()) throw AccountErrors.notForApiClients();
    if (await em.getRepository(Account).findForPerson(person.id)) return;
    if (!AccountPolicy.of(this.ctx.access).canManage(await this.holderOf(em, person))) throw AccountErrors.notAllowed(field);
    if (!hasAddress(person)) throw AccountErrors.noEmailAddress(field);
    await em.getRepository(AccountInvitation).expireAllOf([person.id]);
    await this.createInvitation(em, person, await this.inviterName(em));
    this.ctx.audit.record(em, { operation: 'accountInvite', actor: this.ctx.access.actor, requestId: this.ctx.requestId, subject: person });
  }

  /** Invites everyone of a selection in one transaction, each with an audit entry; reports what happened to each. */
  async inviteMany(input: AccountInviteManyInput): Promise<InvitationReport[]> {
    await assertValidInput(input);
    this.requirePersonCaller();
    const given = [input.personIds, input.workplaceId, input.organisationId].filter((value) => value !== undefined && value !== null);
    if (given.length !== 1 || (input.personIds && input.role)) throw AccountErrors.selectionNeeded();
    const requested = input.personIds?.map((id, index) => requireEntityId(id, 'Person', `personIds.${index}`));
    const workplaceId = input.workplaceId ? requireEntityId(input.workplaceId, 'Workplace', 'workplaceId') : undefined;
    const organisationId = input.organisationId ? requireEntityId(input.organisationId, 'Organisation', 'organisationId') : undefined;
    const scope = PersonPolicy.of(this.ctx.access).readScope();

    const reports = await this.ctx.em.transactional(
      async (em) => {
        const people = em.getRepository(Person);
        const ids =
          requested ??
          (await people.idsInSelection(
            {
              ...(workplaceId ? { workplaceId } : {}),
              ...(organisationId ? { organisationId } : {}),
              ...(input.role ? { role: input.role } : {}),
            },
            scope,
            this.ctx.today,
            MAX_INVITATIONS_AT_ONCE + 1,
          ));
        if (ids.length > MAX_INVITATIONS_AT_ONCE) throw AccountErrors.selectionTooLarge(MAX_INVITATIONS_AT_ONCE);
        const unique = [...new Set(ids)];
        const visible = new Map((await people.findByIds(unique, scope)).map((person) => [person.id, person]));
        const holders = await this.holdersOf(em, [...visible.values()]);
        const withAccount = await em.getRepository(Account).personIdsWithAccount([...visible.keys()]);
        const policy = AccountPolicy.of(this.ctx.access);
        const outcomes = new Map<string, InvitationOutcome>();
        for (const id of unique) {
          const person = visible.get(id);
          outcomes.set(
            id,
            !person || !policy.canManage(holders.get(id)!)
              ? 'NOT_ALLOWED'
              : withAccount.has(id)
                ? 'ALREADY_HAS_ACCOUNT'
                : !hasAddress(person)
                  ? 'NO_EMAIL_ADDRESS'
                  : 'INVITED',
          );
        }
        const invited = input.dryRun ? [] : unique.filter((id) => outcomes.get(id) === 'INVITED');
        await em.getRepository(AccountInvitation).expireAllOf(invited);
        const inviter = await this.inviterName(em);
        const expiries = new Map<string, Date>();
        for (const id of invited) {
          const person = visible.get(id)!;
          expiries.set(id, await this.createInvitation(em, person, inviter));
          this.ctx.audit.record(em, {
            operation: 'accountInvite',
            actor: this.ctx.access.actor,
            requestId: this.ctx.requestId,
            subject: person,
          });
          // Each entry holds its own person's invitation only.
          await em.flush();
        }
        return ids.map((id) => ({
          personId: id,
          person: visible.get(id) ?? null,
          outcome: outcomes.get(id)!,
          expiresAt: expiries.get(id) ?? null,
        }));
      },
      { clear: true },
    );
    this.ctx.afterChange?.();
    return reports;
  }

  /** Ends the account's sessions and links; it cannot sign in until reactivated. */
  async deactivate(input: AccountPersonInput): Promise<Person> {
    await assertValidInput(input);
    const personId = requireEntityId(input.personId, 'Person', 'personId');
    this.requirePersonCaller();
    return unitOfWork(this.ctx, 'accountDeactivate', async (em) => {
      const person = await this.manageable(em, personId);
      if (this.ctx.access.isSelf(person.id)) throw AccountErrors.ownAccount();
      const account = await em.getRepository(Account).lockForPerson(person.id);
      if (!account) throw AccountErrors.noAccount();
      if (account.deactivatedAt) throw AccountErrors.alreadyDeactivated();
      account.deactivatedAt = new Date();
      await em.getRepository(Session).revokeAllOf(person.id);
      await em.getRepository(PasswordReset).expireAllOf(person.id);
      await em.getRepository(AccountInvitation).expireAllOf([person.id]);
      return person;
    });
  }

  /** The account signs in again with the password it had. */
  async reactivate(input: AccountPersonInput): Promise<Person> {
    await assertValidInput(input);
    const personId = requireEntityId(input.personId, 'Person', 'personId');
    this.requirePersonCaller();
    return unitOfWork(this.ctx, 'accountReactivate', async (em) => {
      const person = await this.manageable(em, personId);
      const account = await em.getRepository(Account).lockForPerson(person.id);
      if (!account) throw AccountErrors.noAccount();
      if (!account.deactivatedAt) throw AccountErrors.notDeactivated();
      account.deactivatedAt = null;
      return person;
    });
  }

  /** What a working invitation link is for; null when it does not work (unknown, used, replaced, expired). */
  async invitation(token: string): Promise<{ firstName: string; email: string; expiresAt: Date } | null> {
    const invitation = await this.ctx.em.getRepository(AccountInvitation).findUsableByTokenHash(tokenHash(token));
    if (!invitation) return null;
    const person = invitation.person.getEntity();
    if (person.erasedAt) return null;
    return { firstName: person.firstName, email: person.email, expiresAt: invitation.expiresAt };
  }

  /** Uses an invitation link once: the account is active with the chosen password. */
  async acceptInvitation(input: AccountInvitationAcceptInput): Promise<void> {
    await assertValidInput(input);
    await this.ctx.em.transactional(async (em) => {
      // The row lock makes a link single-use even when two requests race with it.
      const invitation = await em.getRepository(AccountInvitation).lockByTokenHash(tokenHash(input.token));
      if (!invitation || invitation.usedAt || invitation.expiresAt <= new Date()) throw AccountErrors.invalidInvitation();
      const person = await em.getRepository(Person).findById(invitation.person.id);
      if (!person || person.erasedAt || (await em.getRepository(Account).findForPerson(person.id))) throw AccountErrors.invalidInvitation();
      invitation.usedAt = new Date();
      await em.getRepository(AccountInvitation).expireAllOf([person.id]);
      em.create(Account, { person, passwordHash: await hashPassword(input.password) });
      // The trail records that the account was activated (by whoever held the link), never the password.
      recordAuditEntry(em, {
        operation: 'accountActivate',
        actor: { personId: person.id, apiClientId: null },
        requestId: this.ctx.requestId,
        subject: { type: 'Person', id: person.id },
      });
    });
  }

  private requirePersonCaller(): void {
    if (!AccountPolicy.of(this.ctx.access).managesAccounts()) throw AccountErrors.notForApiClients();
  }

  /** The person, if the caller sees them (else NOT_FOUND) and may manage their sign-in (else FORBIDDEN). */
  private async manageable(em: EntityManager, personId: string): Promise<Person> {
    const person = await em.getRepository(Person).lockVisible(personId, PersonPolicy.of(this.ctx.access).readScope());
    if (!person) throw AccountErrors.personNotFound();
    if (!AccountPolicy.of(this.ctx.access).canManage(await this.holderOf(em, person))) throw AccountErrors.notAllowed();
    return person;
  }

  private async holderOf(em: EntityManager, person: Person): Promise<AccountHolder> {
    return (await this.holdersOf(em, [person])).get(person.id)!;
  }

  /** Each person's home organisation and current and future roles, in one statement for all. */
  private async holdersOf(em: EntityManager, people: Person[]): Promise<Map<string, AccountHolder>> {
    const roles = await em.getRepository(RoleAssignment).findOpenForPeople(
      people.map((person) => person.id),
      this.ctx.today,
    );
    const holders = new Map<string, AccountHolder>(
      people.map((person) => [person.id, { homeOrganisationId: person.homeOrganisation.id, openRoles: [] }]),
    );
    for (const role of roles) {
      holders.get(role.person.id)?.openRoles.push({
        role: role.role,
        organisationId: role.organisation?.id ?? (role.workplace ? (role.workplace.getEntity() as Workplace).organisation.id : null),
      });
    }
    return holders;
  }

  private async inviterName(em: EntityManager): Promise<string | undefined> {
    const personId = this.ctx.access.personId;
    const inviter = personId ? await em.getRepository(Person).findById(personId) : null;
    return inviter ? `${inviter.firstName} ${inviter.lastName}` : undefined;
  }

  /** A new link and its e-mail, in the person's language; until when it works. */
  private async createInvitation(em: EntityManager, person: Person, invitedByName: string | undefined): Promise<Date> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3_600_000);
    em.create(AccountInvitation, { person, tokenHash: tokenHash(token), expiresAt });
    await enqueueNotification(em, {
      kind: NotificationKind.ACCOUNT_INVITATION,
      personId: person.id,
      data: {
        invitationUrl: this.deps.links.portal(`/invitation/${token}`),
        invitationExpiresAt: expiresAt,
        ...(invitedByName ? { invitedByName } : {}),
      },
    });
    return expiresAt;
  }
}

/** Erased people keep no address an e-mail could go to. */
function hasAddress(person: Person): boolean {
  return !person.erasedAt && person.email.length > 0;
}
