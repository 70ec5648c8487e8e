import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { CalendarFeedKind, type CalendarFeed } from './calendar-feed.entity.js';

registerEnumType(CalendarFeedKind, {
  name: 'CalendarFeedKind',
  description: 'What a calendar feed shows.',
  valuesConfig: {
    PERSON: { description: 'The sessions of everything its person holds a place in.' },
    COHORT: { description: 'All sessions of one cohort.' },
    NETWORK: { description: 'All meetings of one network.' },
  },
});

@ObjectType('CalendarFeed', {
  implements: Node,
  description: 'A secret iCalendar (.ics) URL for calendar apps; the URL itself is shown only once.',
})
export class CalendarFeedObject extends Node {
  /** Row ids; not part of the contract. */
  entityId!: string;
  personEntityId!: string;
  cohortEntityId!: string | null;

  @Field(() => CalendarFeedKind, { description: 'What it shows.' })
  kind!: CalendarFeedKind;

  @Field(() => Boolean, { description: 'Whether its URL works (not revoked).' })
  isActive!: boolean;

  @Field(() => DateTime, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was revoked.' })
  revokedAt!: Date | null;
}

@ObjectType('CalendarFeedPayload', { implements: MutationPayload, description: 'Result of a change to a calendar feed.' })
export class CalendarFeedPayload extends MutationPayload {
  @Field(() => CalendarFeedObject, { nullable: true, description: 'The feed; null when the mutation failed.' })
  calendarFeed: CalendarFeedObject | null = null;
}

@ObjectType('CalendarFeedCreatePayload', { implements: MutationPayload, description: 'A new calendar feed with its secret URL.' })
export class CalendarFeedCreatePayload extends MutationPayload {
  @Field(() => CalendarFeedObject, { nullable: true, description: 'The feed; null when the mutation failed.' })
  calendarFeed: CalendarFeedObject | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The secret URL to subscribe to, shown this once (anyone with it can read the feed: revoke it if it leaks).',
  })
  url: string | null = null;
}

export function toCalendarFeedObject(entity: CalendarFeed): CalendarFeedObject {
  return Object.assign(new CalendarFeedObject(), {
    id: toGlobalId('CalendarFeed', entity.id),
    entityId: entity.id,
    personEntityId: entity.person.id,
    cohortEntityId: entity.cohort?.id ?? null,
    kind: entity.kind,
    isActive: entity.revokedAt === null,
    createdAt: entity.createdAt,
    revokedAt: entity.revokedAt,
  });
}
