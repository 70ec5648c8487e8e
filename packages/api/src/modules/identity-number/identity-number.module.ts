import { defineModule } from '../../platform/module/module-definition.js';
import { identityNumberLoaders } from './identity-number.loaders.js';
import { identityNumberPersonalData } from './identity-number.personal-data.js';
import { IdentityNumberResolver } from './identity-number.resolver.js';
import { PersonIdentityNumber } from './person-identity-number.entity.js';
import { Migration20261201900000_person_identity_number } from './migrations/Migration20261201900000_person_identity_number.js';

/**
 * Swedish personal identity numbers of people: encrypted at rest, found by a keyed hash, read by
 * administrators only. The person module sets them through `IdentityNumberService` in its mutations.
 */
export const identityNumberModule = defineModule({
  name: 'identity-number',
  entities: [PersonIdentityNumber],
  migrations: [{ name: 'Migration20261201900000_person_identity_number', class: Migration20261201900000_person_identity_number }],
  resolvers: [IdentityNumberResolver],
  loaders: identityNumberLoaders,
  personalData: identityNumberPersonalData,
});
