import DataLoader from 'dataloader';
import { groupBy, type LoaderContext } from '../../platform/loaders.js';
import { CalendarFeed } from './calendar-feed.entity.js';
import { CalendarPolicy } from './calendar.policy.js';

export function calendarLoaders({ em, access }: LoaderContext) {
  return {
    /** A person's calendar feeds, newest first: for themselves and administrators only. */
    calendarFeeds: new DataLoader<string, CalendarFeed[]>(async (personIds) => {
      const visible = personIds.filter((id) => CalendarPolicy.of(access).canManageCalendarFeedsOf(id));
      const rows = visible.length > 0 ? await em.getRepository(CalendarFeed).findForPeople(visible) : [];
      return groupBy(personIds, rows, (row) => row.person.id);
    }),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof calendarLoaders> {}
}
