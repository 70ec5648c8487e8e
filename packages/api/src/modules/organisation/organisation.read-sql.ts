import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { column, timestampColumn, type ReadSqlConnection, type ReadSqlPieces } from '../../platform/read-compiler/read-sql.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationOrderField } from './organisation.inputs.js';
import { OrganisationObject } from './organisation.types.js';

const ORDER_COLUMNS: Record<string, string> = { [OrganisationOrderField.NAME]: 'name', [OrganisationOrderField.CREATED_AT]: 'created_at' };

/** `organisations`: member organisations are public to anyone signed in; filters are left to the loader path. */
const organisationConnection: ReadSqlConnection = {
  type: 'Organisation',
  entity: Organisation,
  table: 'organisation',
  where: (_parent, _child, args) => (args.filter === undefined || args.filter === null ? 'true' : null),
  order: (args) => {
    const orderBy = (args.orderBy ?? { field: OrganisationOrderField.NAME, direction: OrderDirection.ASC }) as {
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

/** The organisation module's pieces for the read compiler. */
export const organisationReadSql: ReadSqlPieces = {
  types: [
    {
      typeName: 'Organisation',
      node: true,
      objectClass: OrganisationObject,
      keys: { entityId: (alias) => `${alias}.id` },
      scalars: {
        name: column('name'),
        kind: column('kind'),
        organisationNumber: column('organisation_number'),
        isPrincipal: column('is_principal'),
        createdAt: timestampColumn('created_at'),
        updatedAt: timestampColumn('updated_at'),
      },
      fields: {},
    },
  ],
  roots: {
    organisation: {
      kind: 'byId',
      type: 'Organisation',
      table: 'organisation',
      where: (alias, id, ctx) => {
        const decoded = fromGlobalId(id, 'Organisation');
        return decoded ? `${alias}.id = ${ctx.bind(decoded.id)}` : 'false';
      },
    },
    organisations: { kind: 'connection', connection: organisationConnection },
  },
};
