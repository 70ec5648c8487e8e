import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { column, timestampColumn, type ReadSqlConnection, type ReadSqlPieces } from '../../platform/read-compiler/read-sql.js';
import { Role } from '../../platform/access/vocabulary.js';
import { activeWorkplaceRolesJoin } from '../role-assignment/role-assignment.read-sql.js';
import { Workplace } from './workplace.entity.js';
import { WorkplaceOrderField } from './workplace.inputs.js';
import { workplaceVisibleSql } from './workplace.scope-sql.js';
import { WorkplaceObject } from './workplace.types.js';

const ORDER_COLUMNS: Record<string, string> = {
  [WorkplaceOrderField.NAME]: 'name',
  [WorkplaceOrderField.JOINED_ON]: 'joined_on',
  [WorkplaceOrderField.EMPLOYEE_COUNT]: 'employee_count',
  [WorkplaceOrderField.CREATED_AT]: 'created_at',
};

/**
 * Workplaces the caller may read, of the parent organisation (`Organisation.workplaces`) or all of them
 * (`workplaces`), ordered as the loader path orders them. Filters are left to the loader path.
 */
function workplaceConnection(ofParent: boolean): ReadSqlConnection {
  return {
    type: 'Workplace',
    entity: Workplace,
    table: 'workplace',
    where: (parent, child, args, ctx) => {
      if (args.filter !== undefined && args.filter !== null) return null;
      const visible = workplaceVisibleSql(child, ctx);
      return ofParent ? `${child}.organisation_id = ${parent}.id and ${visible}` : visible;
    },
    order: (args) => {
      const orderBy = (args.orderBy ?? { field: WorkplaceOrderField.NAME, direction: OrderDirection.ASC }) as {
        field: string;
        direction: string;
      };
      const orderColumn = ORDER_COLUMNS[orderBy.field];
      if (!orderColumn) return null;
      return {
        properties: [orderBy.field, 'id'],
        columns: [orderColumn, 'id'],
        direction: orderBy.direction === OrderDirection.DESC ? 'desc' : 'asc',
      };
    },
  };
}

/** The workplace module's pieces for the read compiler. */
export const workplaceReadSql: ReadSqlPieces = {
  types: [
    {
      typeName: 'Workplace',
      node: true,
      objectClass: WorkplaceObject,
      keys: { entityId: (alias) => `${alias}.id`, organisationEntityId: (alias) => `${alias}.organisation_id` },
      scalars: {
        name: column('name'),
        type: column('type'),
        streetAddress: column('street_address'),
        postalCode: column('postal_code'),
        city: column('city'),
        employeeCount: column('employee_count'),
        joinedOn: column('joined_on'),
        status: column('status'),
        leftOn: column('left_on'),
        createdAt: timestampColumn('created_at'),
        updatedAt: timestampColumn('updated_at'),
      },
      fields: {
        organisation: {
          kind: 'one',
          type: 'Organisation',
          join: (parent, child) => ({ table: 'organisation', where: `${child}.id = ${parent}.organisation_id` }),
        },
        manager: { kind: 'one', type: 'RoleAssignment', join: activeWorkplaceRolesJoin(Role.MANAGER) },
        coordinator: { kind: 'one', type: 'RoleAssignment', join: activeWorkplaceRolesJoin(Role.WORKPLACE_COORDINATOR) },
        competenceCoordinators: { kind: 'list', type: 'RoleAssignment', join: activeWorkplaceRolesJoin(Role.COMPETENCE_COORDINATOR) },
      },
    },
  ],
  fields: {
    Organisation: { workplaces: { kind: 'connection', connection: workplaceConnection(true) } },
  },
  roots: {
    workplace: {
      kind: 'byId',
      type: 'Workplace',
      table: 'workplace',
      where: (alias, id, ctx) => {
        const decoded = fromGlobalId(id, 'Workplace');
        return decoded ? `${alias}.id = ${ctx.bind(decoded.id)} and ${workplaceVisibleSql(alias, ctx)}` : 'false';
      },
    },
    workplaces: { kind: 'connection', connection: workplaceConnection(false) },
  },
};
