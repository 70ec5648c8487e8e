import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import { OfferingObject, type OfferingFields } from '../offering/offering.types.js';
import { EventKind, type Event } from './event.entity.js';

@ObjectType('Event', {
  implements: [Node, OfferingObject],
  description: 'A kick-off, an information session or another gathering people register for.',
})
export class EventObject extends OfferingObject {
  entityId!: string;

  @Field(() => EventKind, { description: 'What kind of event it is (an information session, a kick-off, …).' })
  kind!: EventKind;

  @Field(() => String, { description: "The event's name, as invitations show it." })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the event is about, for the people who may register.' })
  description!: string | null;
}

export const { ConnectionType: EventConnection } = connectionTypes(EventObject, 'Event');

@ObjectType('EventPayload', { implements: MutationPayload, description: 'Result of a change to an event.' })
export class EventPayload extends MutationPayload {
  @Field(() => EventObject, { nullable: true, description: 'The event; null when the mutation failed.' })
  event: EventObject | null = null;
}

export function toEventObject(event: Event, offering: OfferingFields): EventObject {
  return Object.assign(new EventObject(), {
    ...offering,
    id: toGlobalId('Event', event.id),
    entityId: event.id,
    kind: event.kind,
    name: event.name,
    description: event.description,
  });
}
