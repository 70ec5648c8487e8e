import { personReadSql } from './person.read-sql.js';
import { defineModule } from '../../platform/module/module-definition.js';
import { mapNullable } from '../../platform/module/map-nullable.js';
import { Migration20261201600000_unicode_composed_form } from './migrations/Migration20261201600000_unicode_composed_form.js';
import { Migration20261201640000_accent_insensitive_search } from './migrations/Migration20261201640000_accent_insensitive_search.js';
import { Person } from './person.entity.js';
import { personLoaders } from './person.loaders.js';
import { personPersonalData } from './person.personal-data.js';
import { PersonResolver } from './person.resolver.js';
import { toPersonObject } from './person.types.js';
import { Migration20261201801200_person_updated_at_index } from './migrations/Migration20261201801200_person_updated_at_index.js';

export const personModule = defineModule({
  name: 'person',
  entities: [Person],
  migrations: [
    { name: 'Migration20261201600000_unicode_composed_form', class: Migration20261201600000_unicode_composed_form },
    { name: 'Migration20261201640000_accent_insensitive_search', class: Migration20261201640000_accent_insensitive_search },
    { name: 'Migration20261201801200_person_updated_at_index', class: Migration20261201801200_person_updated_at_index },
  ],
  resolvers: [PersonResolver],
  readSql: personReadSql,
  loaders: personLoaders,
  personalData: personPersonalData,
  nodeTypes: [
    { typeName: 'Person', entity: Person, load: async (ctx, id) => mapNullable(await ctx.loaders.person.load(id), toPersonObject) },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    Person: true;
  }
}
