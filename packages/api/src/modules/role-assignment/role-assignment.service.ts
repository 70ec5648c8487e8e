import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInSweden } from '../../common/graphql/calendar.js';
import { requireEntityId } from '../../common/graphql/global-id.js';
import type { Connection } from '../../common/pagination/connection.js';
import type { PageRequest } from '../../common/pagination/find-page.js';
import { assertValidInput } from '../../common/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OrganisationErrors } from '../organisation/organisation.errors.js';
import { Person } from '../person/person.entity.js';
import { PersonErrors } from '../person/person.errors.js';
import { WorkplaceStatus } from '../workplace/workplace.entity.js';
import { WorkplaceErrors } from '../workplace/workplace.errors.js';
import { Role, RoleAssignment, SINGLE_HOLDER_ROLES, WORKPLACE_ROLES } from './role-assignment.entity.js';
import { RoleAssignmentErrors } from './role-assignment.errors.js';
import type {
  RoleAssignmentCreateInput,
  RoleAssignmentEndInput,
  RoleAssignmentFilterInput,
  RoleAssignmentMoveInput,
  RoleAssignmentOrderField,
} from './role-assignment.inputs.js';

interface AssignmentRequest {
  personId: string;
  role: Role;
  workplaceId: string | null;
  organisationId: string | null;
  startsOn: string;
}

export class RoleAssignmentService {
  constructor(private readonly em: EntityManager) {}

  list(filter: RoleAssignmentFilterInput | undefined, page: PageRequest<RoleAssignmentOrderField>): Promise<Connection<RoleAssignment>> {
    return this.em.getRepository(RoleAssignment).findPage(filter, page);
  }

  async create(input: RoleAssignmentCreateInput): Promise<RoleAssignment> {
    await assertValidInput(input);
    const request = this.readScope(input);
    return this.em.transactional((em) => this.assign(em, request));
  }

  async end(input: RoleAssignmentEndInput): Promise<RoleAssignment> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'RoleAssignment', 'id');
    return this.em.transactional(async (em) => {
      const assignment = await em.getRepository(RoleAssignment).findOne({ id });
      if (!assignment) throw RoleAssignmentErrors.notFound('id');
      const endsOn = input.endsOn ?? todayInSweden();
      if (assignment.endsOn !== null && assignment.endsOn <= endsOn) throw RoleAssignmentErrors.alreadyEnded();
      if (endsOn < assignment.startsOn) throw RoleAssignmentErrors.endsBeforeStart('endsOn');
      assignment.endsOn = endsOn;
      return assignment;
    });
  }

  async move(input: RoleAssignmentMoveInput): Promise<RoleAssignment> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'RoleAssignment', 'id');
    const targetWorkplaceId = requireEntityId(input.workplaceId, 'Workplace', 'workplaceId');
    return this.em.transactional(async (em) => {
      const current = await em.getRepository(RoleAssignment).findOne({ id });
      if (!current) throw RoleAssignmentErrors.notFound('id');
      if (!current.workplace || !WORKPLACE_ROLES.has(current.role)) throw RoleAssignmentErrors.notAWorkplaceRole();
      if (current.workplace.id === targetWorkplaceId) throw RoleAssignmentErrors.sameWorkplace();
      const movesOn = input.movesOn ?? todayInSweden();
      if (!current.isActiveOn(movesOn)) throw RoleAssignmentErrors.alreadyEnded();
      current.endsOn = movesOn;
      return this.assign(em, { personId: current.person.id, role: current.role, workplaceId: targetWorkplaceId, organisationId: null, startsOn: movesOn });
    });
  }

  /** Checks the role's scope from the input: which of workplace and organisation the role needs. */
  private readScope(input: RoleAssignmentCreateInput): AssignmentRequest {
    const personId = requireEntityId(input.personId, 'Person', 'personId');
    const startsOn = input.startsOn ?? todayInSweden();
    if (WORKPLACE_ROLES.has(input.role)) {
      if (!input.workplaceId) throw RoleAssignmentErrors.workplaceRequired(input.role);
      if (input.organisationId) throw RoleAssignmentErrors.scopeNotAllowed('organisationId', input.role);
      return { personId, role: input.role, workplaceId: requireEntityId(input.workplaceId, 'Workplace', 'workplaceId'), organisationId: null, startsOn };
    }
    if (input.workplaceId) throw RoleAssignmentErrors.scopeNotAllowed('workplaceId', input.role);
    if (input.role === Role.ORGANISATION_ADMIN) {
      if (!input.organisationId) throw RoleAssignmentErrors.organisationRequired();
      return { personId, role: input.role, workplaceId: null, organisationId: requireEntityId(input.organisationId, 'Organisation', 'organisationId'), startsOn };
    }
    if (input.organisationId) throw RoleAssignmentErrors.scopeNotAllowed('organisationId', input.role);
    return { personId, role: input.role, workplaceId: null, organisationId: null, startsOn };
  }

  /** Creates the assignment inside the caller's transaction, ending the current single holder if there is one. */
  private async assign(em: EntityManager, request: AssignmentRequest): Promise<RoleAssignment> {
    const assignments = em.getRepository(RoleAssignment);
    const person = await em.getRepository(Person).findOne({ id: request.personId });
    if (!person) throw PersonErrors.notFound('personId');

    if (request.workplaceId) {
      const workplace = await assignments.lockWorkplace(request.workplaceId);
      if (!workplace) throw WorkplaceErrors.notFound('workplaceId');
      if (workplace.status === WorkplaceStatus.LEFT) throw RoleAssignmentErrors.workplaceLeft();
    }
    if (request.organisationId && !(await em.getRepository(Organisation).findOne({ id: request.organisationId }))) {
      throw OrganisationErrors.notFound('organisationId');
    }
    const scope = { workplaceId: request.workplaceId, organisationId: request.organisationId };
    if (await assignments.findActiveInScope(request.personId, request.role, scope, request.startsOn)) throw RoleAssignmentErrors.alreadyHeld();

    if (request.workplaceId && SINGLE_HOLDER_ROLES.has(request.role)) {
      for (const holder of await assignments.findHoldingFrom(request.workplaceId, request.role, request.startsOn)) {
        if (holder.startsOn > request.startsOn) throw RoleAssignmentErrors.laterHolderExists(holder.startsOn);
        holder.endsOn = request.startsOn;
      }
    }
    return em.create(RoleAssignment, {
      person,
      role: request.role,
      workplace: request.workplaceId,
      organisation: request.organisationId,
      startsOn: request.startsOn,
    });
  }
}
