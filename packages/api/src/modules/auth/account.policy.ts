import type { AccessPolicy } from '../../platform/access/access-policy.js';
import type { Role } from '../../platform/access/vocabulary.js';
import { PersonPolicy } from '../person/person.policy.js';

/** A person as the account rules see them: where they work, and every role they hold now or will hold later. */
export interface AccountHolder {
  homeOrganisationId: string;
  /** Current and future roles, each with the organisation it belongs to (null for ADMINISTRATOR). */
  openRoles: { role: Role; organisationId: string | null }[];
}

/**
 * Who may invite a person to sign in, and deactivate or reactivate their account: administrators anyone;
 * organisation admins the people of their organisation, unless the person holds, now or from a later day,
 * a role the admin could not give (an administrator, another organisation's admin or roles): whoever
 * controls someone's sign-in could otherwise take over their rights. API clients never.
 * Who may see the state of a person's account is who may see their contact details (`PersonPolicy.contactScope`).
 */
export class AccountPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): AccountPolicy {
    return access.memo(AccountPolicy, () => new AccountPolicy(access));
  }

  /** Whether the caller is someone who manages accounts at all (a signed-in person, not an API client). */
  managesAccounts(): boolean {
    return this.access.actor.kind === 'person';
  }

  canManage(holder: AccountHolder): boolean {
    // The same rule as for changing the person at all (their e-mail among it): one rule, in the person module.
    return this.managesAccounts() && PersonPolicy.of(this.access).canChangePerson(holder.homeOrganisationId, holder.openRoles);
  }
}
