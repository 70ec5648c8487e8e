import type { AccessPolicy } from '../../platform/access/access-policy.js';

/** Who handles a person's personal data (GDPR export and erasure). */
export class PersonalDataPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): PersonalDataPolicy {
    return access.memo(PersonalDataPolicy, () => new PersonalDataPolicy(access));
  }

  /** Everything held about a person, as one document: the central administrators. */
  canExportPersonalData(): boolean {
    return this.access.isAdministrator;
  }

  /** Erasing a person's personal data: the central administrators (never their own: see the service). */
  canErasePersonalData(): boolean {
    return this.access.isAdministrator;
  }
}
