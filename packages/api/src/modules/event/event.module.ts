import { defineModule } from '../../platform/module/module-definition.js';
import { Event } from './event.entity.js';
import { eventLoaders } from './event.loaders.js';
import { EventResolver, eventObject, RegistrationEventResolver } from './event.resolver.js';
import { EventService } from './event.service.js';

export const eventModule = defineModule({
  name: 'event',
  entities: [Event],
  resolvers: [EventResolver, RegistrationEventResolver],
  loaders: eventLoaders,
  nodeTypes: [
    {
      typeName: 'Event',
      entity: Event,
      load: async (ctx, id) => {
        const event = await ctx.service(EventService).find(id);
        return event && eventObject(event, ctx);
      },
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    Event: true;
  }
}
