import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import type { ErasureRetention } from '../../platform/module/module-definition.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { Person } from '../person/person.entity.js';
import { PersonErrors } from '../person/person.errors.js';
import type { PersonEraseInput } from '../person/person.inputs.js';
import { PersonalDataErrors } from './personal-data.errors.js';
import { PersonalDataPolicy } from './personal-data.policy.js';

/**
 * GDPR: everything the system holds about one person, and the erasure of their personal data. Each
 * module contributes what it holds (its manifest's `personalData`); this service knows none of their tables.
 */
export class PersonalDataService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Everything held about a person, as one JSON document (register extract, GDPR art. 15). */
  async export(personId: string): Promise<Record<string, unknown> | null> {
    this.ctx.access.requireToRead(
      PersonalDataPolicy.of(this.ctx.access).canExportPersonalData(),
      'Only administrators export personal data.',
    );
    const em = this.ctx.em;
    if (!(await em.getRepository(Person).exists(personId))) return null;
    const contributors = this.ctx.registry.personalData;
    const about = (await Promise.all(contributors.map((contributor) => contributor.subjectsAbout?.(em, personId) ?? []))).flat();
    const sections = await Promise.all(contributors.map((contributor) => contributor.export(em, personId, about, this.ctx)));
    return Object.assign({ exportedAt: new Date().toISOString() }, ...sections) as Record<string, unknown>;
  }

  /**
   * Erases a person's personal data (GDPR art. 17): names, e-mail and phone are anonymised; sign-in,
   * sessions, reset links, e-mail notifications and calendar feeds are deleted; places they held go to the
   * queues and memberships end; role, registration and membership history stays as an anonymous
   * record so statistics per organisation still add up. The audit trail records the erasure (its
   * entries never hold personal data).
   */
  async erase(input: PersonEraseInput): Promise<{ person: Person; retained: ErasureRetention[] }> {
    this.ctx.access.require(
      PersonalDataPolicy.of(this.ctx.access).canErasePersonalData(),
      null,
      'Only administrators erase personal data.',
    );
    const id = requireEntityId(input.id, 'Person', 'id');
    if (input.confirm !== true) throw PersonalDataErrors.notConfirmed();
    if (this.ctx.access.isSelf(id)) throw PersonalDataErrors.erasingOneself();
    let retained: ErasureRetention[] = [];
    const person = await unitOfWork(this.ctx, 'personErase', async (em) => {
      const person = await em.getRepository(Person).findOne({ id });
      if (!person) throw PersonErrors.notFound('id');
      if (person.erasedAt) throw PersonalDataErrors.alreadyErased();
      const erased = { id: person.id, email: person.email, erasedAt: new Date() };
      retained = [];
      for (const contributor of this.ctx.registry.personalData) {
        const kept = await contributor.erase?.(em, erased, { ...this.ctx, em });
        if (kept) retained.push(...kept);
      }
      return person;
    });
    return { person, retained };
  }
}
