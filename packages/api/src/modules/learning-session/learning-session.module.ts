import { mapNullable } from '../../platform/module/map-nullable.js';
import { defineModule } from '../../platform/module/module-definition.js';
import { LearningAttestation } from './learning-attestation.entity.js';
import { LearningHours } from './learning-hours.entity.js';
import { LearningHoursService } from './learning-hours.service.js';
import { learningSessionDashboardSeries } from './learning-session.dashboard.js';
import { LearningMonthClose } from './learning-month-close.entity.js';
import { LearningJobs } from './learning-session.jobs.js';
import { LearningSession } from './learning-session.entity.js';
import { learningSessionLoaders } from './learning-session.loaders.js';
import { learningSessionPersonalData } from './learning-session.personal-data.js';
import { LearningSessionPolicy } from './learning-session.policy.js';
import {
  LearningAttestationResolver,
  LearningMonthCloseResolver,
  LearningMonthHoursResolver,
  LearningParticipantResolver,
  LearningSessionResolver,
} from './learning-session.resolver.js';
import { toLearningAttestationObject, toLearningMonthCloseObject, toLearningSessionObject } from './learning-session.types.js';
import { Migration20261216100000_learning_sessions } from './migrations/Migration20261216100000_learning_sessions.js';

export const learningSessionModule = defineModule({
  name: 'learning-session',
  entities: [LearningSession, LearningHours, LearningAttestation, LearningMonthClose],
  migrations: [{ name: 'Migration20261216100000_learning_sessions', class: Migration20261216100000_learning_sessions }],
  resolvers: [
    LearningSessionResolver,
    LearningParticipantResolver,
    LearningAttestationResolver,
    LearningMonthHoursResolver,
    LearningMonthCloseResolver,
  ],
  loaders: learningSessionLoaders,
  dashboardSeries: learningSessionDashboardSeries,
  personalData: learningSessionPersonalData,
  jobs: ({ orm, logger, config }) => [new LearningJobs(orm, logger, config.jobsIntervalMs, config.learningEvidenceRetentionYears)],
  nodeTypes: [
    {
      typeName: 'LearningSession',
      entity: LearningSession,
      load: async (ctx, id) => mapNullable(await ctx.loaders.learningSession.load(id), toLearningSessionObject),
    },
    {
      typeName: 'LearningAttestation',
      entity: LearningAttestation,
      load: async (ctx, id) => {
        const step = await ctx.loaders.learningAttestation.load(id);
        if (!step) return null;
        const workplace = await ctx.loaders.workplace.load(step.workplace.id);
        const policy = LearningSessionPolicy.of(ctx.access);
        const readable =
          ctx.access.isSelf(step.participant.id) ||
          (workplace !== null && policy.canRead({ id: workplace.id, organisationId: workplace.organisation.id }));
        return readable ? toLearningAttestationObject(step) : null;
      },
    },
    {
      typeName: 'LearningMonthClose',
      entity: LearningMonthClose,
      load: async (ctx, id) => {
        const closes = await ctx.service(LearningHoursService).closes();
        return mapNullable(closes.find((close) => close.id === id) ?? null, toLearningMonthCloseObject);
      },
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    LearningSession: true;
    LearningAttestation: true;
    LearningMonthClose: true;
  }
}
