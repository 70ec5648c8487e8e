import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OrganisationErrors } from '../organisation/organisation.errors.js';
import { RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import { Workplace, WorkplaceStatus } from './workplace.entity.js';
import { WorkplaceErrors } from './workplace.errors.js';
import type { WorkplaceCreateInput, WorkplaceFilterInput, WorkplaceOrderField, WorkplaceUpdateInput } from './workplace.inputs.js';
import { WorkplacePolicy } from './workplace.policy.js';
import { OrganisationPolicy } from '../organisation/organisation.policy.js';
import { PersonPolicy } from '../person/person.policy.js';

/** What a workplace's manager may change; the rest is for administrators of its organisation. */
const DETAIL_FIELDS = ['name', 'type', 'streetAddress', 'postalCode', 'city', 'employeeCount'] as const;

export class WorkplaceService {
  constructor(private readonly ctx: ServiceContext) {}

  list(filter: WorkplaceFilterInput | undefined, page: PageRequest<WorkplaceOrderField>): Promise<Connection<Workplace>> {
    return this.ctx.em.getRepository(Workplace).findPage(filter, page, PersonPolicy.of(this.ctx.access).readScope());
  }

  async create(input: WorkplaceCreateInput): Promise<Workplace> {
    await assertValidInput(input);
    const organisationId = requireEntityId(input.organisationId, 'Organisation', 'organisationId');
    return unitOfWork(this.ctx, 'workplaceCreate', async (em) => {
      const organisation = await em.getRepository(Organisation).findOne({ id: organisationId });
      if (!organisation) throw OrganisationErrors.notFound('organisationId');
      this.ctx.access.require(
        OrganisationPolicy.of(this.ctx.access).canManageOrganisationData(organisation.id),
        'organisationId',
        'You may not add workplaces to this organisation.',
      );
      if (await em.getRepository(Workplace).findNamesake(organisation.id, input.name, null)) throw WorkplaceErrors.nameTaken();
      return em.create(Workplace, {
        organisation,
        name: input.name,
        type: input.type,
        streetAddress: input.streetAddress || null,
        postalCode: input.postalCode || null,
        city: input.city || null,
        employeeCount: input.employeeCount,
        joinedOn: input.joinedOn ?? this.ctx.today,
      });
    });
  }

  async update(input: WorkplaceUpdateInput): Promise<Workplace> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Workplace', 'id');
    return unitOfWork(this.ctx, 'workplaceUpdate', async (em) => {
      const workplaces = em.getRepository(Workplace);
      // Locked: a workplace leaving must not race with someone being given a role there.
      const workplace = await workplaces.lockVisible(id, PersonPolicy.of(this.ctx.access).readScope());
      if (!workplace) throw WorkplaceErrors.notFound('id');
      const access = this.ctx.access;
      const target = { id: workplace.id, organisationId: workplace.organisation.id };
      const policy = WorkplacePolicy.of(access);
      access.require(policy.canEditWorkplaceDetails(target), null, 'You may not change this workplace.');
      if (!policy.canManageWorkplace(target)) {
        const beyondDetails = (['joinedOn', 'status', 'leftOn'] as const).find(
          (field) => input[field] !== undefined && input[field] !== null,
        );
        access.require(!beyondDetails, beyondDetails ?? null, "Only the organisation's administrators change this.");
      }

      // Every check comes before the first change.
      if (input.name && (await workplaces.findNamesake(workplace.organisation.id, input.name, workplace.id)))
        throw WorkplaceErrors.nameTaken();
      const joinedOn = input.joinedOn ?? workplace.joinedOn;
      const status = input.status ?? workplace.status;
      if (input.leftOn && status !== WorkplaceStatus.LEFT) throw WorkplaceErrors.leftOnWithoutLeaving();
      const leftOn = status === WorkplaceStatus.LEFT ? (input.leftOn ?? workplace.leftOn ?? this.ctx.today) : null;
      if (leftOn !== null && leftOn < joinedOn)
        throw input.leftOn ? WorkplaceErrors.leftBeforeJoined() : WorkplaceErrors.joinedAfterLeaving();

      for (const field of DETAIL_FIELDS) {
        const value = input[field];
        if (value === undefined) continue;
        if (field === 'name' || field === 'type' || field === 'employeeCount') {
          if (value !== null) Object.assign(workplace, { [field]: value });
        } else {
          workplace[field] = (value as string | null) || null;
        }
      }
      workplace.joinedOn = joinedOn;
      const leaving = status === WorkplaceStatus.LEFT && (workplace.status !== WorkplaceStatus.LEFT || workplace.leftOn !== leftOn);
      workplace.status = status;
      workplace.leftOn = leftOn;
      if (leaving && leftOn) {
        // Nobody holds a role at a workplace that has left; the roles stay as history.
        for (const assignment of await em.getRepository(RoleAssignment).findOpenAtWorkplace(workplace.id, leftOn)) {
          assignment.endsOn = assignment.startsOn > leftOn ? assignment.startsOn : leftOn;
        }
      }
      return workplace;
    });
  }
}
