import { mapNullable } from '../../platform/module/map-nullable.js';
import { defineModule } from '../../platform/module/module-definition.js';
import { Employment } from './employment.entity.js';
import { Migration20261201900000_employments } from './migrations/Migration20261201900000_employments.js';
import { StaffImportResolver } from './staff-import.resolver.js';
import { staffLoaders } from './staff.loaders.js';
import { staffPersonalData } from './staff.personal-data.js';
import { EmploymentResolver, PersonEmploymentsResolver, WorkplaceStaffResolver } from './staff.resolver.js';
import { toEmploymentObject } from './staff.types.js';

export const staffModule = defineModule({
  name: 'staff',
  entities: [Employment],
  migrations: [{ name: 'Migration20261201900000_employments', class: Migration20261201900000_employments }],
  resolvers: [EmploymentResolver, WorkplaceStaffResolver, PersonEmploymentsResolver, StaffImportResolver],
  loaders: staffLoaders,
  personalData: staffPersonalData,
  nodeTypes: [
    {
      typeName: 'Employment',
      entity: Employment,
      load: async (ctx, id) => mapNullable(await ctx.loaders.employment.load(id), toEmploymentObject),
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    Employment: true;
  }
}
