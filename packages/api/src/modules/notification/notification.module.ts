import { defineModule } from '../../platform/module/module-definition.js';
import { Notification } from './notification.entity.js';
import { notificationPersonalData } from './notification.personal-data.js';
import { notificationTransport } from './notification.transport.js';
import { NotificationWorker } from './notification.worker.js';
import { Migration20261201800000_training_workflow_messages } from './migrations/Migration20261201800000_training_workflow_messages.js';

export const notificationModule = defineModule({
  name: 'notification',
  entities: [Notification],
  migrations: [{ name: 'Migration20261201800000_training_workflow_messages', class: Migration20261201800000_training_workflow_messages }],
  personalData: notificationPersonalData,
  // Every process runs a worker: they share the outbox without sending a message twice.
  jobs: ({ orm, logger, config }) => [
    new NotificationWorker({
      orm,
      logger,
      transport: notificationTransport({
        smtpUrl: config.smtpUrl,
        from: config.smtpFrom,
        logger,
        production: config.nodeEnv === 'production',
      }),
      pollMs: config.notificationPollMs,
    }),
  ],
});
