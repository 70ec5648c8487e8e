import DataLoader from 'dataloader';
import { byIdLoader, groupBy, type LoaderContext } from '../../platform/loaders.js';
import type { LearningAttestation } from './learning-attestation.entity.js';
import type { LearningHours } from './learning-hours.entity.js';
import { LearningSession } from './learning-session.entity.js';
import { LearningSessionPolicy } from './learning-session.policy.js';

export function learningSessionLoaders({ em, access }: LoaderContext) {
  const sessions = em.getRepository(LearningSession);
  return {
    /** A learning session the caller may read, or null. */
    learningSession: byIdLoader(async (ids) => sessions.findByIds(ids, LearningSessionPolicy.of(access).scope())),
    /** The participants' hours of a session (already found readable). */
    learningSessionHours: new DataLoader<string, LearningHours[]>(async (ids) =>
      groupBy(ids, await sessions.findHoursOfSessions(ids), (row) => row.session.id),
    ),
    /** An attestation step, by id (reached through hours the caller may read). */
    learningAttestation: byIdLoader<LearningAttestation>(async (ids) => sessions.findAttestationsByIds(ids)),
    /** A workplace the signed-in person has learning hours at (they confirm their hours by it), or null. */
    ownHoursWorkplace: byIdLoader(async (ids) => (access.personId ? sessions.findWorkplacesOfOwnHours(access.personId, ids) : [])),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof learningSessionLoaders> {}
}
