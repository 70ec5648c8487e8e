import type { ServiceContext } from '../../common/context.js';
import { DomainError, UserErrorCode } from '../../common/errors/user-error.js';
import { requireEntityId } from '../../common/graphql/global-id.js';
import type { Connection } from '../../common/pagination/connection.js';
import { findPage, type PageRequest } from '../../common/pagination/find-page.js';
import { unitOfWork } from '../../common/unit-of-work.js';
import { assertValidInput } from '../../common/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { RegistrationEngine } from '../registration/registration-engine.js';
import { Offering, OfferingKind, Registration } from '../registration/registration.entities.js';
import { Cohort, Programme } from './cohort.entities.js';
import type { CohortCreateInput, CohortRegisterInput, CohortUpdateInput, ProgrammeCreateInput, RegistrationCancelInput } from './cohort.inputs.js';

const cohortNotFound = (field: string) => DomainError.of(field, UserErrorCode.NOT_FOUND, 'No cohort has this id.');

export class CohortService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Cohorts are public to everyone signed in. */
  list(page: PageRequest<'createdAt'>): Promise<Connection<Cohort>> {
    return findPage(this.ctx.em, Cohort, {}, page);
  }

  find(id: string): Promise<Cohort | null> {
    return this.ctx.em.findOne(Cohort, { id });
  }

  private requireAdministrator(): void {
    this.ctx.access.require(this.ctx.access.isAdministrator, null, 'Only administrators run programmes and cohorts.');
  }

  async createProgramme(input: ProgrammeCreateInput): Promise<Programme> {
    this.requireAdministrator();
    await assertValidInput(input);
    return unitOfWork(this.ctx, 'programmeCreate', async (em) =>
      em.create(Programme, { name: input.name, description: input.description || null, completionThresholdPercent: input.completionThresholdPercent }),
    );
  }

  async createCohort(input: CohortCreateInput): Promise<Cohort> {
    this.requireAdministrator();
    await assertValidInput(input);
    const programmeId = requireEntityId(input.programmeId, 'Programme', 'programmeId');
    const organisationIds = (input.audienceOrganisationIds ?? []).map((id, index) => requireEntityId(id, 'Organisation', `audienceOrganisationIds.${index}`));
    if (input.registrationOpensAt && input.registrationClosesAt && input.registrationClosesAt <= input.registrationOpensAt) {
      throw DomainError.of('registrationClosesAt', UserErrorCode.INVALID, 'Registration must close after it opens.');
    }
    return unitOfWork(this.ctx, 'cohortCreate', async (em) => {
      const programme = await em.findOne(Programme, { id: programmeId });
      if (!programme) throw DomainError.of('programmeId', UserErrorCode.NOT_FOUND, 'No programme has this id.');
      const found = await em.find(Organisation, { id: { $in: organisationIds } });
      const missing = organisationIds.findIndex((id) => !found.some((organisation) => organisation.id === id));
      if (missing >= 0) throw DomainError.of(`audienceOrganisationIds.${missing}`, UserErrorCode.NOT_FOUND, 'No organisation has this id.');
      const offering = em.create(Offering, {
        kind: OfferingKind.COHORT,
        status: input.status,
        capacity: input.capacity ?? null,
        registrationOpensAt: input.registrationOpensAt ?? null,
        registrationClosesAt: input.registrationClosesAt ?? null,
        audienceRoles: input.audienceRoles ?? [],
        audienceOrganisationIds: organisationIds,
      });
      return em.create(Cohort, { programme, offering, name: input.name, description: input.description || null });
    });
  }

  async updateCohort(input: CohortUpdateInput): Promise<Cohort> {
    this.requireAdministrator();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Cohort', 'id');
    return unitOfWork(this.ctx, 'cohortUpdate', async (em) => {
      const cohort = await em.findOne(Cohort, { id });
      if (!cohort) throw cohortNotFound('id');
      const offering = await em.getRepository(Registration).lockOffering(cohort.offering.id);
      if (input.capacity !== undefined && input.capacity !== null) {
        if (input.capacity < offering!.confirmedCount) {
          throw DomainError.of('capacity', UserErrorCode.CONFLICT, `${offering!.confirmedCount} places are already confirmed; cancel registrations first.`);
        }
        offering!.capacity = input.capacity;
      }
      if (input.status) offering!.status = input.status;
      await new RegistrationEngine(em, this.ctx.access, this.ctx.today).promote(offering!);
      return cohort;
    });
  }

  async register(input: CohortRegisterInput): Promise<Registration> {
    await assertValidInput(input);
    const cohortId = requireEntityId(input.cohortId, 'Cohort', 'cohortId');
    const personId = input.personId ? requireEntityId(input.personId, 'Person', 'personId') : this.ctx.access.personId;
    if (!personId) throw DomainError.of('personId', UserErrorCode.INVALID, 'Say whom to register.');
    return unitOfWork(this.ctx, 'cohortRegister', async (em) => {
      const cohort = await em.findOne(Cohort, { id: cohortId });
      if (!cohort) throw cohortNotFound('cohortId');
      return new RegistrationEngine(em, this.ctx.access, this.ctx.today).register(cohort.offering.id, personId, 'cohortId');
    });
  }

  async cancel(input: RegistrationCancelInput): Promise<Registration> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Registration', 'id');
    return unitOfWork(this.ctx, 'registrationCancel', (em) => new RegistrationEngine(em, this.ctx.access, this.ctx.today).cancel(id));
  }
}
