import { defineModule } from '../../platform/module/module-definition.js';
import { mapNullable } from '../../platform/module/map-nullable.js';
import { CalendarFeed } from './calendar-feed.entity.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { calendarLoaders } from './calendar.loaders.js';
import { calendarPersonalData } from './calendar.personal-data.js';
import { CalendarFeedResolver, PersonCalendarFeedResolver } from './calendar.resolver.js';
import { calendarRouter, withoutFeedToken } from './calendar.routes.js';
import { toCalendarFeedObject } from './calendar.types.js';

export const calendarModule = defineModule({
  name: 'calendar',
  entities: [CalendarFeed],
  resolvers: [CalendarFeedResolver, PersonCalendarFeedResolver],
  loaders: calendarLoaders,
  personalData: calendarPersonalData,
  // Calendar apps send no cookies: the secret token in the URL is the only credential, for one feed.
  routes: [{ path: '/calendar', router: calendarRouter, redactUrl: withoutFeedToken }],
  nodeTypes: [
    {
      typeName: 'CalendarFeed',
      entity: CalendarFeed,
      load: async (ctx, id) => mapNullable(await ctx.service(CalendarFeedService).find(id), toCalendarFeedObject),
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    CalendarFeed: true;
  }
}
