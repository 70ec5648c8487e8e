import { defineModule } from '../../platform/module/module-definition.js';
import { Account } from './account.entity.js';
import { AccountInvitation } from './account-invitation.entity.js';
import { accountLoaders } from './account.loaders.js';
import { AccountResolver, PersonAccountResolver } from './account.resolver.js';
import { PasswordReset } from './password-reset.entity.js';
import { Session } from './session.entity.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { SecondFactor } from './second-factor.entity.js';
import { SecondFactorResolver } from './second-factor.resolver.js';
import { Migration20261201210000_second_factor } from './migrations/Migration20261201210000_second_factor.js';
import { authPersonalData } from './auth.personal-data.js';
import { AuthResolver } from './auth.resolver.js';
import { Migration20261201100000_account_lifecycle } from './migrations/Migration20261201100000_account_lifecycle.js';
import { Migration20261216200000_caller_changes } from './migrations/Migration20261216200000_caller_changes.js';

/**
 * Sign-in: accounts and their life cycle (invitations, activation, deactivation), sessions, password resets,
 * second factors, and who the caller of a request is (cookie or API key).
 */
export const authModule = defineModule({
  name: 'auth',
  entities: [Account, Session, PasswordReset, AccountInvitation, SecondFactor, RecoveryCode],
  migrations: [
    { name: 'Migration20261201100000_account_lifecycle', class: Migration20261201100000_account_lifecycle },
    { name: 'Migration20261201210000_second_factor', class: Migration20261201210000_second_factor },
    { name: 'Migration20261216200000_caller_changes', class: Migration20261216200000_caller_changes },
  ],
  resolvers: [AuthResolver, AccountResolver, PersonAccountResolver, SecondFactorResolver],
  loaders: accountLoaders,
  personalData: authPersonalData,
});
