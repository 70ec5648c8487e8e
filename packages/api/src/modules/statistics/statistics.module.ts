import { defineModule } from '../../platform/module/module-definition.js';
import { StatisticsResolver } from './statistics.resolver.js';

export const statisticsModule = defineModule({
  name: 'statistics',
  resolvers: [StatisticsResolver],
});
