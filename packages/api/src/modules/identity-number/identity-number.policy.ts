import type { AccessPolicy } from '../../platform/access/access-policy.js';

/**
 * Who may see and set personal identity numbers. Reading: administrators only (the funder's export and
 * the matching of imports are theirs); nobody else, not organisation admins, managers, API clients or the
 * person (who gets it in their personal-data export). Setting: administrators, and organisation admins for
 * the people of their organisation (write-only for them). API clients do neither.
 */
export class IdentityNumberPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): IdentityNumberPolicy {
    return access.memo(IdentityNumberPolicy, () => new IdentityNumberPolicy(access));
  }

  canRead(): boolean {
    return this.access.actor.kind === 'person' && this.access.isAdministrator;
  }

  canSet(homeOrganisationId: string): boolean {
    const grants = this.access.grants;
    return Boolean(grants && (grants.administrator || grants.organisationAdminOf.has(homeOrganisationId)));
  }
}
