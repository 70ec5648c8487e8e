import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { Account, PasswordReset, Session } from './auth.entities.js';
import { forgetAccountAttempts } from './sign-in-throttle.js';

export const authPersonalData: PersonalDataContributor = {
  entities: [Account, Session, PasswordReset],
  async export(em, personId) {
    const [account, sessions, resets] = await Promise.all([
      em.findOne(Account, { person: personId }),
      em.find(Session, { person: personId }, { orderBy: { createdAt: 'asc' } }),
      em.find(PasswordReset, { person: personId }, { orderBy: { createdAt: 'asc' } }),
    ]);
    return {
      account: account && { createdAt: account.createdAt, passwordChangedAt: account.passwordChangedAt },
      sessions: sessions.map((session) => ({
        createdAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
        expiresAt: session.expiresAt,
        revokedAt: session.revokedAt,
      })),
      passwordResets: resets.map((reset) => ({ createdAt: reset.createdAt, expiresAt: reset.expiresAt, usedAt: reset.usedAt })),
    };
  },
  // Sign-in, sessions and reset links go first: other work may hold locks on these rows.
  eraseOrder: 10,
  async erase(em, person) {
    await forgetAccountAttempts(em, person.email);
    await em.nativeDelete(Session, { person: person.id });
    await em.nativeDelete(PasswordReset, { person: person.id });
    await em.nativeDelete(Account, { person: person.id });
  },
};
