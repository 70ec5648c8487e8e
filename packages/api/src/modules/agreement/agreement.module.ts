import { mapNullable } from '../../platform/module/map-nullable.js';
import { defineModule } from '../../platform/module/module-definition.js';
import { Agreement } from './agreement.entity.js';
import { agreementLoaders } from './agreement.loaders.js';
import { AgreementResolver, OrganisationAgreementsResolver } from './agreement.resolver.js';
import { toAgreementObject } from './agreement.types.js';
import { Migration20261201190000_agreements } from './migrations/Migration20261201190000_agreements.js';
import { AgreementPolicy } from './agreement.policy.js';

export const agreementModule = defineModule({
  name: 'agreement',
  entities: [Agreement],
  migrations: [{ name: 'Migration20261201190000_agreements', class: Migration20261201190000_agreements }],
  resolvers: [AgreementResolver, OrganisationAgreementsResolver],
  loaders: agreementLoaders,
  nodeTypes: [
    {
      typeName: 'Agreement',
      entity: Agreement,
      load: async (ctx, id) =>
        AgreementPolicy.of(ctx.access).canRead() ? mapNullable(await ctx.loaders.agreement.load(id), toAgreementObject) : null,
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    Agreement: true;
  }
}
