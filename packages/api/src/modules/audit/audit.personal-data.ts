import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { AuditEntry } from './audit-entry.entity.js';

/** The trail's entries never hold personal data (it is masked), so erasure leaves them; the export shows them. */
export const auditPersonalData: PersonalDataContributor = {
  entities: [AuditEntry],
  async export(em, personId, about) {
    const [made, ...aboutEach] = await Promise.all([
      em.getRepository(AuditEntry).findMadeBy(personId),
      ...about
        .filter((subjects) => subjects.ids.length > 0)
        .map((subjects) => em.getRepository(AuditEntry).findAbout(subjects.type, subjects.ids)),
    ]);
    return {
      changesMade: made.map((entry) => ({
        occurredAt: entry.occurredAt,
        operation: entry.operation,
        subjectType: entry.entityType,
        subjectId: entry.entityId,
      })),
      changesAbout: aboutEach
        .flat()
        .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
        .map((entry) => ({
          occurredAt: entry.occurredAt,
          operation: entry.operation,
          subjectType: entry.entityType,
          changes: entry.changes,
        })),
    };
  },
};
