import { defineModule } from '../../platform/module/module-definition.js';
import { CostShareFrozenRow } from './cost-share-frozen-row.entity.js';
import { CostShareWeight } from './cost-share-weight.entity.js';
import { CostShareYear } from './cost-share-year.entity.js';
import { costShareLoaders } from './cost-share.loaders.js';
import { CostSharePolicy } from './cost-share.policy.js';
import { CostShareRowResolver, CostShareWeightResolver, CostShareYearResolver } from './cost-share.resolver.js';
import { toCostShareYearObject } from './cost-share.types.js';
import { Migration20261201191000_cost_shares } from './migrations/Migration20261201191000_cost_shares.js';

export const costShareModule = defineModule({
  name: 'cost-share',
  entities: [CostShareYear, CostShareWeight, CostShareFrozenRow],
  migrations: [{ name: 'Migration20261201191000_cost_shares', class: Migration20261201191000_cost_shares }],
  resolvers: [CostShareYearResolver, CostShareRowResolver, CostShareWeightResolver],
  loaders: costShareLoaders,
  nodeTypes: [
    {
      typeName: 'CostShareYear',
      entity: CostShareYear,
      load: async (ctx, id) => {
        if (!CostSharePolicy.of(ctx.access).canRead()) return null;
        const entity = await ctx.loaders.costShareYear.load(id);
        return entity ? toCostShareYearObject(entity) : null;
      },
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    CostShareYear: true;
  }
}
