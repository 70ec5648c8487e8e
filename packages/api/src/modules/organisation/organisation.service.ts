import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { assertValidInput } from '../../platform/validation.js';
import { checkOrganisationNumber } from './organisation-number.js';
import { Organisation, OrganisationPopulation } from './organisation.entity.js';
import { OrganisationErrors } from './organisation.errors.js';
import type {
  OrganisationCreateInput,
  OrganisationFilterInput,
  OrganisationOrderField,
  OrganisationPopulationSetInput,
  OrganisationPopulationsSetInput,
  OrganisationUpdateInput,
} from './organisation.inputs.js';
import { OrganisationPolicy } from './organisation.policy.js';

export class OrganisationService {
  constructor(private readonly ctx: ServiceContext) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  private requireAdministrator(): void {
    this.ctx.access.require(
      OrganisationPolicy.of(this.ctx.access).canManageOrganisations(),
      null,
      'Only administrators manage member organisations.',
    );
  }

  list(filter: OrganisationFilterInput | undefined, page: PageRequest<OrganisationOrderField>): Promise<Connection<Organisation>> {
    return this.em.getRepository(Organisation).findPage(filter, page);
  }

  async create(input: OrganisationCreateInput): Promise<Organisation> {
    this.requireAdministrator();
    await assertValidInput(input);
    const organisationNumber = this.normaliseOrganisationNumber(input.organisationNumber, 'organisationNumber');
    const years = new Set<number>();
    (input.populations ?? []).forEach((figure, index) => {
      if (years.has(figure.year)) throw OrganisationErrors.duplicateYear(`populations.${index}.year`, figure.year);
      years.add(figure.year);
    });

    return unitOfWork(this.ctx, 'organisationCreate', async (em) => {
      const organisations = em.getRepository(Organisation);
      if (await organisations.findByOrganisationNumber(organisationNumber))
        throw OrganisationErrors.organisationNumberTaken('organisationNumber');
      if (input.isPrincipal) await this.assertNoOtherPrincipal(em, null);
      const organisation = em.create(Organisation, {
        name: input.name,
        kind: input.kind,
        organisationNumber,
        isPrincipal: input.isPrincipal,
      });
      for (const figure of input.populations ?? []) {
        organisation.populations.add(em.create(OrganisationPopulation, { organisation, year: figure.year, population: figure.population }));
      }
      return organisation;
    });
  }

  async update(input: OrganisationUpdateInput): Promise<Organisation> {
    this.requireAdministrator();
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Organisation', 'id');
    const organisationNumber =
      input.organisationNumber === undefined || input.organisationNumber === null
        ? null
        : this.normaliseOrganisationNumber(input.organisationNumber, 'organisationNumber');

    return unitOfWork(this.ctx, 'organisationUpdate', async (em) => {
      const organisations = em.getRepository(Organisation);
      const organisation = await organisations.findOne({ id });
      if (!organisation) throw OrganisationErrors.notFound('id');
      if (organisationNumber && organisationNumber !== organisation.organisationNumber) {
        if (await organisations.findByOrganisationNumber(organisationNumber))
          throw OrganisationErrors.organisationNumberTaken('organisationNumber');
        organisation.organisationNumber = organisationNumber;
      }
      if (input.isPrincipal === true && !organisation.isPrincipal) await this.assertNoOtherPrincipal(em, organisation.id);
      if (input.isPrincipal !== undefined && input.isPrincipal !== null) organisation.isPrincipal = input.isPrincipal;
      if (input.name) organisation.name = input.name;
      if (input.kind) organisation.kind = input.kind;
      return organisation;
    });
  }

  async setPopulation(input: OrganisationPopulationSetInput): Promise<Organisation> {
    this.requireAdministrator();
    await assertValidInput(input);
    const id = requireEntityId(input.organisationId, 'Organisation', 'organisationId');
    return unitOfWork(this.ctx, 'organisationPopulationSet', async (em) => {
      const organisation = await em.getRepository(Organisation).findOne({ id }, { populate: ['populations'] });
      if (!organisation) throw OrganisationErrors.notFound('organisationId');
      const existing = organisation.populations.getItems().find((figure) => figure.year === input.year);
      if (existing) existing.population = input.population;
      else
        organisation.populations.add(em.create(OrganisationPopulation, { organisation, year: input.year, population: input.population }));
      return organisation;
    });
  }

  /** Several members' populations for one year in one unit of work: every figure is written, or none. */
  async setPopulations(input: OrganisationPopulationsSetInput): Promise<Organisation[]> {
    this.requireAdministrator();
    await assertValidInput(input);
    const ids = input.populations.map((figure, index) =>
      requireEntityId(figure.organisationId, 'Organisation', `populations.${index}.organisationId`),
    );
    const seen = new Map<string, number>();
    ids.forEach((id, index) => {
      if (seen.has(id)) throw OrganisationErrors.duplicateOrganisation(`populations.${index}.organisationId`);
      seen.set(id, index);
    });
    if (ids.length === 0) return [];
    let written: Organisation[] = [];
    // One audit entry for the whole set, its subject the first member (the entry holds every figure changed).
    await unitOfWork(this.ctx, 'organisationPopulationsSet', async (em) => {
      const organisations = await em.getRepository(Organisation).find({ id: { $in: ids } }, { populate: ['populations'] });
      const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
      written = ids.map((id, index) => {
        const organisation = byId.get(id);
        if (!organisation) throw OrganisationErrors.notFound(`populations.${index}.organisationId`);
        const population = input.populations[index]!.population;
        const existing = organisation.populations.getItems().find((figure) => figure.year === input.year);
        if (existing) existing.population = population;
        else organisation.populations.add(em.create(OrganisationPopulation, { organisation, year: input.year, population }));
        return organisation;
      });
      return written[0]!;
    });
    return written;
  }

  private normaliseOrganisationNumber(value: string, field: string): string {
    const check = checkOrganisationNumber(value);
    if (!check.valid) throw OrganisationErrors.organisationNumberInvalid(field, check.reason);
    return check.normalised;
  }

  private async assertNoOtherPrincipal(em: EntityManager, exceptId: string | null): Promise<void> {
    const principal = await em.getRepository(Organisation).findPrincipal();
    if (principal && principal.id !== exceptId) throw OrganisationErrors.principalExists(principal.name);
  }
}
