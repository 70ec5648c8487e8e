import type { AccessPolicy } from '../../platform/access/access-policy.js';
import type { Role } from '../../platform/access/vocabulary.js';
import { OrganisationPolicy } from '../organisation/organisation.policy.js';
import { RoleAssignmentPolicy } from '../role-assignment/role-assignment.policy.js';

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
    if (!this.managesAccounts()) return false;
    if (this.access.isAdministrator) return true;
    if (!OrganisationPolicy.of(this.access).canManageOrganisationData(holder.homeOrganisationId)) return false;
    const roles = RoleAssignmentPolicy.of(this.access);
    return holder.openRoles.every((held) => roles.canManageRole(held.role, held.organisationId));
  }
}
