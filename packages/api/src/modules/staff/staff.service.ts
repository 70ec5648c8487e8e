import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { Person } from '../person/person.entity.js';
import { PersonPolicy } from '../person/person.policy.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { Employment } from './employment.entity.js';
import { StaffErrors } from './staff.errors.js';
import type { EmploymentCreateInput, EmploymentEndInput, EmploymentUpdateInput } from './staff.inputs.js';
import { StaffPolicy } from './staff.policy.js';

/** Employments one at a time: create, correct, end. Imports are `StaffImportService`. */
export class StaffService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(input: EmploymentCreateInput): Promise<Employment> {
    await assertValidInput(input);
    if (!input.personId === !input.newPerson) throw StaffErrors.personOrNewPerson();
    const personId = input.personId ? requireEntityId(input.personId, 'Person', 'personId') : null;
    const workplaceId = requireEntityId(input.workplaceId, 'Workplace', 'workplaceId');
    if (input.endsOn && input.endsOn < input.startsOn) throw StaffErrors.endsBeforeStart('endsOn');
    return unitOfWork(this.ctx, 'employmentCreate', async (em) => {
      const scope = PersonPolicy.of(this.ctx.access).readScope();
      const workplace = await em.getRepository(Workplace).findVisible(workplaceId, scope);
      if (!workplace) throw StaffErrors.workplaceNotFound('workplaceId');
      this.ctx.access.require(
        StaffPolicy.of(this.ctx.access).canManageStaff(workplace.organisation.id),
        'workplaceId',
        "Only the organisation's administrators register its staff.",
      );
      let person: Person;
      if (personId) {
        const found = await em.getRepository(Person).findVisible(personId, scope);
        if (!found) throw StaffErrors.personNotFound('personId');
        if (found.homeOrganisation.id !== workplace.organisation.id) throw StaffErrors.notSameOrganisation();
        person = found;
      } else {
        const { firstName, lastName, email } = input.newPerson!;
        if (await em.getRepository(Person).findByEmail(email)) throw StaffErrors.emailTaken();
        person = em.create(Person, { firstName, lastName, email, homeOrganisation: workplace.organisation });
      }
      const employment = em.create(Employment, {
        person,
        workplace,
        organisation: workplace.organisation.id,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        employeeNumber: input.employeeNumber ?? null,
        title: input.title ?? null,
      });
      await assertNoConflicts(em, employment);
      return employment;
    });
  }

  async update(input: EmploymentUpdateInput): Promise<Employment> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Employment', 'id');
    return unitOfWork(this.ctx, 'employmentUpdate', async (em) => {
      const employment = await this.manageable(em, id);
      if (input.startsOn) employment.startsOn = input.startsOn;
      if (input.endsOn !== undefined) employment.endsOn = input.endsOn;
      if (input.employeeNumber !== undefined) employment.employeeNumber = input.employeeNumber;
      if (input.title !== undefined) employment.title = input.title;
      if (employment.endsOn && employment.endsOn < employment.startsOn)
        throw StaffErrors.endsBeforeStart(input.endsOn !== undefined ? 'endsOn' : 'startsOn');
      await assertNoConflicts(em, employment);
      return employment;
    });
  }

  async end(input: EmploymentEndInput): Promise<Employment> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Employment', 'id');
    return unitOfWork(this.ctx, 'employmentEnd', async (em) => {
      const employment = await this.manageable(em, id);
      if (employment.endsOn && employment.endsOn < this.ctx.today) throw StaffErrors.alreadyEnded(employment.endsOn);
      const endsOn = input.endsOn ?? this.ctx.today;
      if (endsOn < employment.startsOn) throw StaffErrors.endsBeforeStart('endsOn');
      employment.endsOn = endsOn;
      return employment;
    });
  }

  /** The employment, if the caller sees it (else NOT_FOUND) and manages its organisation's staff (else FORBIDDEN). */
  private async manageable(em: EntityManager, id: string): Promise<Employment> {
    const [employment] = await em.getRepository(Employment).findByIds([id], StaffPolicy.of(this.ctx.access).readScope());
    if (!employment) throw StaffErrors.notFound('id');
    this.ctx.access.require(
      StaffPolicy.of(this.ctx.access).canManageStaff(employment.organisation.id),
      null,
      "Only the organisation's administrators change its staff.",
    );
    return employment;
  }
}

/** One employee number per current employment of the organisation, and one employment at a time per person and workplace. */
async function assertNoConflicts(em: EntityManager, employment: Employment): Promise<void> {
  const employments = em.getRepository(Employment);
  const period = { startsOn: employment.startsOn, endsOn: employment.endsOn };
  if (await employments.findOverlapping(employment.person.id, employment.workplace.id, period, employment.id))
    throw StaffErrors.overlaps('startsOn');
  if (
    employment.employeeNumber &&
    (await employments.findNumberInUse(employment.organisation.id, employment.employeeNumber, period, employment.id))
  )
    throw StaffErrors.numberTaken('employeeNumber');
}
