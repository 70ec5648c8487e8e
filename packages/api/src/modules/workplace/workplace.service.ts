import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInSweden } from '../../common/graphql/calendar.js';
import { requireEntityId } from '../../common/graphql/global-id.js';
import type { Connection } from '../../common/pagination/connection.js';
import type { PageRequest } from '../../common/pagination/find-page.js';
import { assertValidInput } from '../../common/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OrganisationErrors } from '../organisation/organisation.errors.js';
import { RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import { Workplace, WorkplaceStatus } from './workplace.entity.js';
import { WorkplaceErrors } from './workplace.errors.js';
import type { WorkplaceCreateInput, WorkplaceFilterInput, WorkplaceOrderField, WorkplaceUpdateInput } from './workplace.inputs.js';

export class WorkplaceService {
  constructor(private readonly em: EntityManager) {}

  list(filter: WorkplaceFilterInput | undefined, page: PageRequest<WorkplaceOrderField>): Promise<Connection<Workplace>> {
    return this.em.getRepository(Workplace).findPage(filter, page);
  }

  async create(input: WorkplaceCreateInput): Promise<Workplace> {
    await assertValidInput(input);
    const organisationId = requireEntityId(input.organisationId, 'Organisation', 'organisationId');
    return this.em.transactional(async (em) => {
      const organisation = await em.getRepository(Organisation).findOne({ id: organisationId });
      if (!organisation) throw OrganisationErrors.notFound('organisationId');
      const name = input.name.trim();
      if (await em.getRepository(Workplace).findOne({ organisation, name: { $ilike: name } })) throw WorkplaceErrors.nameTaken();
      return em.create(Workplace, {
        organisation,
        name,
        type: input.type,
        streetAddress: input.streetAddress?.trim() || null,
        postalCode: input.postalCode?.trim() || null,
        city: input.city?.trim() || null,
        employeeCount: input.employeeCount,
        joinedOn: input.joinedOn ?? todayInSweden(),
      });
    });
  }

  async update(input: WorkplaceUpdateInput): Promise<Workplace> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Workplace', 'id');
    return this.em.transactional(async (em) => {
      const workplaces = em.getRepository(Workplace);
      const workplace = await workplaces.findOne({ id });
      if (!workplace) throw WorkplaceErrors.notFound('id');
      if (input.name && input.name.trim().toLowerCase() !== workplace.name.toLowerCase()) {
        const name = input.name.trim();
        if (await workplaces.findOne({ organisation: workplace.organisation, name: { $ilike: name }, id: { $ne: id } })) throw WorkplaceErrors.nameTaken();
      }
      if (input.name) workplace.name = input.name.trim();
      if (input.type) workplace.type = input.type;
      if (input.streetAddress !== undefined) workplace.streetAddress = input.streetAddress?.trim() || null;
      if (input.postalCode !== undefined) workplace.postalCode = input.postalCode?.trim() || null;
      if (input.city !== undefined) workplace.city = input.city?.trim() || null;
      if (input.employeeCount !== undefined && input.employeeCount !== null) workplace.employeeCount = input.employeeCount;
      if (input.joinedOn) workplace.joinedOn = input.joinedOn;

      const status = input.status ?? workplace.status;
      if (input.leftOn && status !== WorkplaceStatus.LEFT) throw WorkplaceErrors.leftOnWithoutLeaving();
      if (status === WorkplaceStatus.LEFT && (workplace.status !== WorkplaceStatus.LEFT || input.leftOn)) {
        const leftOn = input.leftOn ?? workplace.leftOn ?? todayInSweden();
        if (leftOn < workplace.joinedOn) throw WorkplaceErrors.leftBeforeJoined();
        workplace.status = WorkplaceStatus.LEFT;
        workplace.leftOn = leftOn;
        // Nobody holds a role at a workplace that has left.
        await em.getRepository(RoleAssignment).endOpenAtWorkplace(workplace.id, leftOn);
      } else if (status === WorkplaceStatus.ACTIVE) {
        workplace.status = WorkplaceStatus.ACTIVE;
        workplace.leftOn = null;
      }
      return workplace;
    });
  }
}
