import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { SessionRepository } from '../auth/auth.repository.js';
import { Session } from '../auth/session.entity.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LearningEvidenceMethod } from './learning-session.enums.js';
import { LearningSessionErrors } from './learning-session.errors.js';

export interface SignerEvidence {
  personId: string;
  method: LearningEvidenceMethod;
  ipAddress: string;
}

/** Who signs a step, how they signed in (the session's sign-in, with or without a second factor) and from where. */
export async function signerEvidence(em: EntityManager, access: AccessPolicy, ipAddress: string): Promise<SignerEvidence> {
  const actor = access.actor;
  if (actor.kind !== 'person') throw LearningSessionErrors.signedInPersonOnly();
  const sessions = em.getRepository(Session) as SessionRepository;
  const secondFactor = await sessions.signedInWithSecondFactor(actor.sessionId);
  return {
    personId: actor.personId,
    method: secondFactor ? LearningEvidenceMethod.PASSWORD_TOTP : LearningEvidenceMethod.PASSWORD,
    ipAddress,
  };
}
