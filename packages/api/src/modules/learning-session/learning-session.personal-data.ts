import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { LearningAttestation } from './learning-attestation.entity.js';
import { LearningHours } from './learning-hours.entity.js';
import { LearningMonthClose } from './learning-month-close.entity.js';
import { hoursOf } from './learning-month.js';
import { LearningSession } from './learning-session.entity.js';
import type { LearningSessionRepository } from './learning-session.repository.js';

declare module '../../platform/context.js' {
  interface AppDependencies {
    /** Years an erased person's attested learning hours are kept for the funder's audit (`LEARNING_EVIDENCE_RETENTION_YEARS`). */
    learningEvidenceRetentionYears: number;
  }
}

/** The day `years` after `day` (YYYY-MM-DD). */
export function yearsAfter(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
}

/**
 * A person's learning hours, the attestation steps about them or signed by them, and the sessions they registered,
 * taught or signed a paper list for, and the months they closed. Erasure removes hours nobody attested (and their confirmations), and keeps
 * attested hours as the funder's evidence with the identity removed: the person's own row is anonymised (names,
 * e-mail, personal identity number go), the addresses they signed from are blanked, and the kept rows are purged
 * once the retention period after their day is over.
 */
export const learningSessionPersonalData: PersonalDataContributor = {
  entities: [LearningSession, LearningHours, LearningAttestation, LearningMonthClose],
  async export(em, personId) {
    const repository = em.getRepository(LearningSession) as LearningSessionRepository;
    const [hours, attestations, sessions, closes] = await Promise.all([
      repository.findHoursOfPerson(personId),
      repository.findAttestationsAbout(personId),
      repository.findSessionsRegisteredBy(personId),
      repository.findClosesBy(personId),
    ]);
    return {
      learningHours: hours.map((row) => ({
        sessionId: row.session.id,
        heldOn: row.heldOn,
        hours: hoursOf(row.minutes),
        confirmed: row.confirmation !== null,
        attested: row.attestation !== null,
      })),
      learningAttestations: attestations.map((step) => ({
        step: step.step,
        month: step.month,
        hours: hoursOf(step.minutes),
        participant: step.participant.id === personId,
        signedByThem: step.signedBy?.id === personId,
        recordedByThem: step.recordedBy?.id === personId,
        signedAt: step.signedAt,
        method: step.method,
        ipAddress: step.ipAddress,
      })),
      learningSessions: sessions.map((session) => ({
        id: session.id,
        heldOn: session.heldOn,
        registeredByThem: session.registeredBy?.id === personId,
        teacher: session.teacher?.id === personId,
        paperListSignedByThem: session.paperListSignedBy?.id === personId,
      })),
      learningMonthsClosed: closes.map((close) => ({
        month: close.month,
        countyWide: close.organisation === null,
        closedAt: close.closedAt,
      })),
    };
  },
  eraseOrder: 55,
  async erase(em, person, ctx) {
    const repository = em.getRepository(LearningSession) as LearningSessionRepository;
    const rows = await repository.findHoursOfPerson(person.id);
    const kept = rows.filter((row) => row.attestation !== null);
    for (const row of rows) {
      if (row.attestation === null) em.remove(row);
      else row.anonymisedAt = person.erasedAt;
    }
    await em.flush();
    const keptSteps = new Set(kept.flatMap((row) => [row.confirmation?.id, row.attestation?.id]));
    for (const step of await repository.findAttestationsAbout(person.id)) {
      if (step.participant.id === person.id && !keptSteps.has(step.id) && step.session === null) em.remove(step);
      else step.ipAddress = null;
    }
    if (kept.length === 0) return [];
    const years = ctx.dependencies.learningEvidenceRetentionYears;
    const latest = kept.reduce((day, row) => (row.heldOn > day ? row.heldOn : day), kept[0]!.heldOn);
    return [
      {
        what: 'attested learning hours (attesterade lärtimmar)',
        count: kept.length,
        why: `Hours attested for a funder are evidence the funder may audit: they are kept for ${years} years after their day, with the person's identity removed (name, e-mail, personal identity number and sign-in addresses are gone), then purged.`,
        purgedBy: yearsAfter(latest, years),
      },
    ];
  },
};
