import { defineModule } from '../../platform/module/module-definition.js';
import { PersonalDataResolver } from './personal-data.resolver.js';

/** GDPR export and erasure over every module's personal-data contributor. */
export const personalDataModule = defineModule({
  name: 'personal-data',
  resolvers: [PersonalDataResolver],
});
