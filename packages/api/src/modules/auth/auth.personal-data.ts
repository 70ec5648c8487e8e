import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { Account } from './account.entity.js';
import { AccountInvitation } from './account-invitation.entity.js';
import { PasswordReset } from './password-reset.entity.js';
import { Session } from './session.entity.js';
import { forgetAccountAttempts } from './sign-in-throttle.js';

export const authPersonalData: PersonalDataContributor = {
  entities: [Account, Session, PasswordReset, AccountInvitation],
  async export(em, personId) {
    const [account, sessions, resets, invitations] = await Promise.all([
      em.getRepository(Account).findForPerson(personId),
      em.getRepository(Session).findForPerson(personId),
      em.getRepository(PasswordReset).findForPerson(personId),
      em.getRepository(AccountInvitation).findForPerson(personId),
    ]);
    return {
      account: account && {
        createdAt: account.createdAt,
        passwordChangedAt: account.passwordChangedAt,
        deactivatedAt: account.deactivatedAt,
      },
      accountInvitations: invitations.map((invitation) => ({
        createdAt: invitation.createdAt,
        expiresAt: invitation.expiresAt,
        usedAt: invitation.usedAt,
      })),
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
    await em.getRepository(Session).deleteForPerson(person.id);
    await em.getRepository(PasswordReset).deleteForPerson(person.id);
    await em.getRepository(AccountInvitation).deleteForPerson(person.id);
    await em.getRepository(Account).deleteForPerson(person.id);
  },
};
