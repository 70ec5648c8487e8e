import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import { assertValidInput } from '../../platform/validation.js';
import { recordAuditEntry } from '../audit/audit-trail.js';
import { Person } from '../person/person.entity.js';
import { PersonErrors } from '../person/person.errors.js';
import { PersonPolicy } from '../person/person.policy.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { SecondFactor } from './second-factor.entity.js';
import { SecondFactorErrors } from './second-factor.errors.js';
import type { SecondFactorConfirmInput, SecondFactorResetInput } from './second-factor.inputs.js';
import { Session } from './session.entity.js';
import {
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  recoveryCodeHash,
  sealSecret,
  unsealSecret,
  verifyTotp,
} from './totp.js';

export interface SecondFactorDependencies {
  /** The AES-256 key second-factor secrets are sealed with (SECOND_FACTOR_KEY). */
  key: Buffer;
}

declare module '../../platform/context.js' {
  interface AppDependencies {
    secondFactor: SecondFactorDependencies;
  }
}

export interface SecondFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
}

/** What a sign-in's second step found: no second factor, none given, a wrong one, or a right one. */
export type SecondFactorCheck = 'NOT_ENABLED' | 'MISSING' | 'WRONG' | 'PASSED';

/**
 * Checks a sign-in's code (TOTP or recovery code) against the person's confirmed second factor, using it
 * up: a TOTP code's time step (and every earlier one) is refused afterwards, a recovery code works once.
 */
export async function checkSecondFactor(
  em: EntityManager,
  personId: string,
  code: string | null | undefined,
  deps: SecondFactorDependencies,
): Promise<SecondFactorCheck> {
  return em.transactional(async (tx) => {
    const factor = await tx.getRepository(SecondFactor).lockForPerson(personId);
    if (!factor?.confirmedAt) return 'NOT_ENABLED';
    if (!code) return 'MISSING';
    if (looksLikeRecoveryCode(code)) {
      return (await tx.getRepository(RecoveryCode).useOnce(personId, recoveryCodeHash(code))) ? 'PASSED' : 'WRONG';
    }
    const step = await verifyTotp(unsealSecret(factor.sealedSecret, deps.key), code, factor.lastTimeStep);
    if (step === null) return 'WRONG';
    factor.lastTimeStep = step;
    return 'PASSED';
  });
}

/** Turning a second factor on (anyone, for themselves) and resetting someone's (administrators, audited). */
export class SecondFactorService {
  constructor(private readonly ctx: ServiceContext) {}

  private get deps(): SecondFactorDependencies {
    return this.ctx.dependencies.secondFactor;
  }

  async status(personId: string): Promise<SecondFactorStatus> {
    const factor = await this.ctx.em.getRepository(SecondFactor).findForPerson(personId);
    const enabled = Boolean(factor?.confirmedAt);
    return { enabled, recoveryCodesLeft: enabled ? await this.ctx.em.getRepository(RecoveryCode).countUnused(personId) : 0 };
  }

  /**
   * Starts setting up a second factor: a new secret, answered this once as an `otpauth://` URI (and the
   * secret alone, for typing). It counts only once confirmed; a second factor already on must be reset first.
   */
  async setup(personId: string): Promise<{ otpauthUri: string; secret: string }> {
    return this.ctx.em.transactional(async (em) => {
      const person = await em.getRepository(Person).findOneOrFail({ id: personId });
      const factors = em.getRepository(SecondFactor);
      const existing = await factors.lockForPerson(personId);
      if (existing?.confirmedAt) throw SecondFactorErrors.alreadyEnabled();
      const secret = newTotpSecret();
      const sealedSecret = sealSecret(secret, this.deps.key);
      if (existing) {
        existing.sealedSecret = sealedSecret;
        existing.createdAt = new Date();
      } else {
        em.create(SecondFactor, { person: personId, sealedSecret });
      }
      return { otpauthUri: otpauthUri(secret, person.email), secret };
    });
  }

  /** Confirms the second factor being set up with a code from the app; answers the recovery codes, this once. */
  async confirm(personId: string, input: SecondFactorConfirmInput, requestId: string | null): Promise<string[]> {
    await assertValidInput(input);
    return this.ctx.em.transactional(async (em) => {
      const factor = await em.getRepository(SecondFactor).lockForPerson(personId);
      if (!factor) throw SecondFactorErrors.notSetUp();
      if (factor.confirmedAt) throw SecondFactorErrors.alreadyEnabled();
      const step = await verifyTotp(unsealSecret(factor.sealedSecret, this.deps.key), input.code.trim(), factor.lastTimeStep);
      if (step === null) throw SecondFactorErrors.wrongCode('code');
      factor.confirmedAt = new Date();
      factor.lastTimeStep = step;
      await em.getRepository(RecoveryCode).deleteForPerson(personId);
      const codes = newRecoveryCodes();
      for (const code of codes) em.create(RecoveryCode, { person: personId, codeHash: recoveryCodeHash(code) });
      recordAuditEntry(em, {
        operation: 'secondFactorConfirm',
        actor: { personId, apiClientId: null },
        requestId,
        subject: { type: 'Person', id: personId },
      });
      return codes;
    });
  }

  /**
   * Administrators turn off someone's second factor (a lost phone, no recovery codes left): the person
   * signs in with the password alone and sets up a new one; their sessions end. Recorded in the audit trail.
   */
  async reset(input: SecondFactorResetInput): Promise<Person> {
    await assertValidInput(input);
    const personId = requireEntityId(input.personId, 'Person', 'personId');
    const access = this.ctx.access;
    return this.ctx.em.transactional(async (em) => {
      const person = await em.getRepository(Person).findVisible(personId, PersonPolicy.of(access).readScope());
      if (!person) throw PersonErrors.notFound('personId');
      access.require(access.isAdministrator, 'personId', "Only administrators reset someone's second factor.");
      const removed = await em.getRepository(SecondFactor).deleteForPerson(person.id);
      if (removed === 0) throw SecondFactorErrors.notEnabledFor();
      await em.getRepository(RecoveryCode).deleteForPerson(person.id);
      await em.getRepository(Session).revokeAllOf(person.id);
      recordAuditEntry(em, {
        operation: 'secondFactorReset',
        actor: { personId: access.personId, apiClientId: null },
        requestId: this.ctx.requestId,
        subject: { type: 'Person', id: person.id },
      });
      return person;
    });
  }
}
