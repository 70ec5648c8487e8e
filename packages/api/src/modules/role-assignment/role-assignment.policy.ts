import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { Role } from '../../platform/access/vocabulary.js';
import { OrganisationPolicy } from '../organisation/organisation.policy.js';

/** A role a person holds today or will hold later, with the organisation it belongs to (null for ADMINISTRATOR). */
export interface HeldRole {
  role: Role;
  organisationId: string | null;
}

/** Who may give, end and move roles. Which assignments one may read is the directory read scope (`PersonPolicy.readScope`). */
export class RoleAssignmentPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): RoleAssignmentPolicy {
    return access.memo(RoleAssignmentPolicy, () => new RoleAssignmentPolicy(access));
  }

  /** Granting or ending a role in an organisation; only administrators handle ADMINISTRATOR. */
  canManageRole(role: Role, organisationId: string | null): boolean {
    if (this.access.isAdministrator) return true;
    if (role === Role.ADMINISTRATOR || organisationId === null) return false;
    return OrganisationPolicy.of(this.access).canManageOrganisationData(organisationId);
  }
}
