import { defineModule } from '../../platform/module/module-definition.js';
import { Account } from './account.entity.js';
import { AccountInvitation } from './account-invitation.entity.js';
import { accountLoaders } from './account.loaders.js';
import { AccountResolver, PersonAccountResolver } from './account.resolver.js';
import { PasswordReset } from './password-reset.entity.js';
import { Session } from './session.entity.js';
import { authPersonalData } from './auth.personal-data.js';
import { AuthResolver } from './auth.resolver.js';
import { Migration20261201100000_account_lifecycle } from './migrations/Migration20261201100000_account_lifecycle.js';

/**
 * Sign-in: accounts and their life cycle (invitations, activation, deactivation), sessions, password resets,
 * and who the caller of a request is (cookie or API key).
 */
export const authModule = defineModule({
  name: 'auth',
  entities: [Account, Session, PasswordReset, AccountInvitation],
  migrations: [{ name: 'Migration20261201100000_account_lifecycle', class: Migration20261201100000_account_lifecycle }],
  resolvers: [AuthResolver, AccountResolver, PersonAccountResolver],
  loaders: accountLoaders,
  personalData: authPersonalData,
});
