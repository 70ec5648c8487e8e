import { defineModule } from '../../platform/module/module-definition.js';
import { Account } from './account.entity.js';
import { PasswordReset } from './password-reset.entity.js';
import { Session } from './session.entity.js';
import { authPersonalData } from './auth.personal-data.js';
import { AuthResolver } from './auth.resolver.js';

/** Sign-in: accounts, sessions, password resets, and who the caller of a request is (cookie or API key). */
export const authModule = defineModule({
  name: 'auth',
  entities: [Account, Session, PasswordReset],
  resolvers: [AuthResolver],
  personalData: authPersonalData,
});
