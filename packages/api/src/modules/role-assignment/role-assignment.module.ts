import { roleAssignmentReadSql } from './role-assignment.read-sql.js';
import { defineModule } from '../../platform/module/module-definition.js';
import { RoleAssignment } from './role-assignment.entity.js';
import { roleAssignmentLoaders } from './role-assignment.loaders.js';
import { roleAssignmentPersonalData } from './role-assignment.personal-data.js';
import { RoleAssignmentResolver } from './role-assignment.resolver.js';
import { toRoleAssignmentObject } from './role-assignment.types.js';
import { Migration20261201801300_role_assignment_updated_at_index } from './migrations/Migration20261201801300_role_assignment_updated_at_index.js';

export const roleAssignmentModule = defineModule({
  name: 'role-assignment',
  migrations: [
    { name: 'Migration20261201801300_role_assignment_updated_at_index', class: Migration20261201801300_role_assignment_updated_at_index },
  ],
  entities: [RoleAssignment],
  resolvers: [RoleAssignmentResolver],
  readSql: roleAssignmentReadSql,
  loaders: roleAssignmentLoaders,
  personalData: roleAssignmentPersonalData,
  nodeTypes: [
    {
      typeName: 'RoleAssignment',
      entity: RoleAssignment,
      load: async (ctx, id) => {
        const entity = await ctx.loaders.roleAssignment.load(id);
        return entity && toRoleAssignmentObject(entity, ctx.today);
      },
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    RoleAssignment: true;
  }
}
