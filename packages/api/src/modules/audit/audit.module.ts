import { defineModule } from '../../platform/module/module-definition.js';
import { mapNullable } from '../../platform/module/map-nullable.js';
import { AuditEntry } from './audit-entry.entity.js';
import { auditEntryLoaders } from './audit-entry.loaders.js';
import { AuditEntryResolver } from './audit-entry.resolver.js';
import { toAuditEntryObject } from './audit-entry.types.js';
import { auditPersonalData } from './audit.personal-data.js';
import { Migration20261201000000_audit_subject_types } from './migrations/Migration20261201000000_audit_subject_types.js';

export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditEntry],
  migrations: [{ name: 'Migration20261201000000_audit_subject_types', class: Migration20261201000000_audit_subject_types }],
  resolvers: [AuditEntryResolver],
  loaders: auditEntryLoaders,
  personalData: auditPersonalData,
  nodeTypes: [
    {
      typeName: 'AuditEntry',
      entity: AuditEntry,
      load: async (ctx, id) => mapNullable(await ctx.loaders.auditEntry.load(id), toAuditEntryObject),
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    AuditEntry: true;
  }
}
