import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { CalendarFeed } from './calendar-feed.entity.js';

export const calendarPersonalData: PersonalDataContributor = {
  entities: [CalendarFeed],
  async export(em, personId) {
    const feeds = await em.getRepository(CalendarFeed).findAllOfPerson(personId);
    return {
      calendarFeeds: feeds.map((feed) => ({
        kind: feed.kind,
        cohortId: feed.cohort?.id ?? null,
        createdAt: feed.createdAt,
        revokedAt: feed.revokedAt,
      })),
    };
  },
  // Their feed URLs are secrets in their calendar apps: they stop working with the person.
  eraseOrder: 30,
  async erase(em, person) {
    await em.getRepository(CalendarFeed).deleteOfPerson(person.id);
  },
};
