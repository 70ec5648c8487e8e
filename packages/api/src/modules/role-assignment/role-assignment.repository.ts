import { EntityRepository, LockMode, type FilterQuery } from '@mikro-orm/postgresql';
import { argumentEntityId } from '../../common/graphql/global-id.js';
import type { Connection } from '../../common/pagination/connection.js';
import { findPage, type PageRequest } from '../../common/pagination/find-page.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { RoleAssignment, type Role } from './role-assignment.entity.js';
import type { RoleAssignmentFilterInput, RoleAssignmentOrderField } from './role-assignment.inputs.js';

/** Assignments whose period [startsOn, endsOn) contains `day`. */
export function activeOn(day: string) {
  return { startsOn: { $lte: day }, $or: [{ endsOn: null }, { endsOn: { $gt: day } }] };
}

export class RoleAssignmentRepository extends EntityRepository<RoleAssignment> {
  findByIds(ids: string[]): Promise<RoleAssignment[]> {
    return this.find({ id: { $in: ids } });
  }

  findActiveAtWorkplaces(workplaceIds: string[], role: Role, day: string): Promise<RoleAssignment[]> {
    return this.find({ workplace: { $in: workplaceIds }, role, ...activeOn(day) }, { orderBy: { startsOn: 'asc', id: 'asc' } });
  }

  findForPeople(personIds: string[], day: string | null): Promise<RoleAssignment[]> {
    const period = day ? activeOn(day) : {};
    return this.find({ person: { $in: personIds }, ...period }, { orderBy: { startsOn: 'desc', id: 'asc' } });
  }

  /** Assignments of a role at a workplace that are open on or after `day` (current or future holders). */
  findHoldingFrom(workplaceId: string, role: Role, day: string): Promise<RoleAssignment[]> {
    return this.find({ workplace: workplaceId, role, $or: [{ endsOn: null }, { endsOn: { $gt: day } }] }, { orderBy: { startsOn: 'asc' } });
  }

  findActiveInScope(personId: string, role: Role, scope: { workplaceId: string | null; organisationId: string | null }, day: string) {
    return this.findOne({ person: personId, role, workplace: scope.workplaceId, organisation: scope.organisationId, ...activeOn(day) });
  }

  /** Serialises changes to one workplace's roles (two admins assigning a manager at once). */
  async lockWorkplace(workplaceId: string): Promise<Workplace | null> {
    return this.em.findOne(Workplace, { id: workplaceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Ends every assignment at the workplace that is still open on `day`, on that day. */
  async endOpenAtWorkplace(workplaceId: string, day: string): Promise<void> {
    const open = await this.find({ workplace: workplaceId, $or: [{ endsOn: null }, { endsOn: { $gt: day } }] });
    for (const assignment of open) assignment.endsOn = assignment.startsOn > day ? assignment.startsOn : day;
  }

  findPage(filter: RoleAssignmentFilterInput | undefined, page: PageRequest<RoleAssignmentOrderField>): Promise<Connection<RoleAssignment>> {
    const where: FilterQuery<RoleAssignment>[] = [];
    if (filter?.personId) where.push({ person: argumentEntityId(filter.personId, 'Person', 'filter.personId') });
    if (filter?.workplaceId) where.push({ workplace: argumentEntityId(filter.workplaceId, 'Workplace', 'filter.workplaceId') });
    if (filter?.organisationId) {
      const organisationId = argumentEntityId(filter.organisationId, 'Organisation', 'filter.organisationId');
      // An organisation's assignments: those held in it and those at its workplaces.
      where.push({ $or: [{ organisation: organisationId }, { workplace: { organisation: organisationId } }] });
    }
    if (filter?.roles?.length) where.push({ role: { $in: filter.roles } });
    if (filter?.activeOn) where.push(activeOn(filter.activeOn));
    return findPage(this.em, RoleAssignment, { $and: where }, page);
  }
}
