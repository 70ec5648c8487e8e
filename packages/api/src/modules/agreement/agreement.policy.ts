import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { ApiScope } from '../../platform/access/vocabulary.js';

/**
 * Agreements are between public bodies and their terms are public documents: anyone signed in (and API clients
 * reading the directory) reads them; only the central administrators enter and change them.
 */
export class AgreementPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): AgreementPolicy {
    return access.memo(AgreementPolicy, () => new AgreementPolicy(access));
  }

  canRead(): boolean {
    return this.access.actor.kind === 'person' || this.access.hasClientScope(ApiScope.READ_DIRECTORY);
  }

  canManage(): boolean {
    return this.access.isAdministrator;
  }
}
