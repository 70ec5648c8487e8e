import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { Notification } from './notification.entity.js';

export const notificationPersonalData: PersonalDataContributor = {
  entities: [Notification],
  async export(em, personId) {
    const notifications = await em.getRepository(Notification).findAllOfPerson(personId);
    return {
      notifications: notifications.map((notification) => ({
        createdAt: notification.createdAt,
        kind: notification.kind,
        subject: notification.subject,
        status: notification.status,
        sentAt: notification.sentAt,
      })),
    };
  },
  // The outbox holds the address and texts sent to them (unsent ones included: they go nowhere now).
  // Before any offering is locked: the worker keeps a message's row during its send.
  eraseOrder: 20,
  async erase(em, person) {
    await em.getRepository(Notification).deleteOfPerson(person.id);
  },
};
