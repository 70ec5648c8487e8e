import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { CohortObject, toCohortObject } from '../cohort/cohort.types.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { calendarFeedPath, CalendarFeedService } from './calendar-feed.service.js';
import { CalendarFeedCreateInput, CalendarFeedRevokeInput } from './calendar.inputs.js';
import { CalendarFeedCreatePayload, CalendarFeedObject, CalendarFeedPayload, toCalendarFeedObject } from './calendar.types.js';

@Resolver(() => CalendarFeedObject)
export class CalendarFeedResolver {
  @Mutation(() => CalendarFeedCreatePayload, {
    description: 'Creates a secret iCalendar feed URL (of yourself by default, or of a cohort) and answers it, this once.',
  })
  async calendarFeedCreate(
    @Arg('input', () => CalendarFeedCreateInput, { description: 'What to change.' }) input: CalendarFeedCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarFeedCreatePayload> {
    const outcome = await mutationResult(() => ctx.service(CalendarFeedService).create(input));
    return Object.assign(new CalendarFeedCreatePayload(), {
      calendarFeed: outcome.result ? toCalendarFeedObject(outcome.result.feed) : null,
      url: outcome.result ? `${ctx.http.origin}${calendarFeedPath(outcome.result.token)}` : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => CalendarFeedPayload, { description: 'Revokes a calendar feed: its URL stops working at once.' })
  async calendarFeedRevoke(
    @Arg('input', () => CalendarFeedRevokeInput, { description: 'What to change.' }) input: CalendarFeedRevokeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarFeedPayload> {
    const outcome = await mutationResult(() => ctx.service(CalendarFeedService).revoke(input));
    return Object.assign(new CalendarFeedPayload(), {
      calendarFeed: outcome.result ? toCalendarFeedObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @FieldResolver(() => PersonObject, {
    nullable: true,
    description: 'Whose feed it is: its subject for a PERSON feed, whoever created it for a COHORT feed.',
  })
  async person(@Root() feed: CalendarFeedObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    const person = await ctx.loaders.person.load(feed.personEntityId);
    return person ? toPersonObject(person) : null;
  }

  @FieldResolver(() => CohortObject, { nullable: true, description: 'The cohort of a COHORT feed.' })
  async cohort(@Root() feed: CalendarFeedObject, @Ctx() ctx: RequestContext): Promise<CohortObject | null> {
    if (!feed.cohortEntityId) return null;
    const cohort = await ctx.loaders.cohort.load(feed.cohortEntityId);
    return cohort ? toCohortObject(cohort, (await ctx.loaders.offering.load(cohort.offering.id))!) : null;
  }
}

@Resolver(() => PersonObject)
export class PersonCalendarFeedResolver {
  @FieldResolver(() => [CalendarFeedObject], {
    description:
      'Calendar feeds of the person, newest first, revoked ones too (without their URLs); only for themselves and administrators, empty for others.',
  })
  async calendarFeeds(@Root() person: PersonObject, @Ctx() ctx: RequestContext): Promise<CalendarFeedObject[]> {
    return (await ctx.loaders.calendarFeeds.load(person.entityId)).map(toCalendarFeedObject);
  }
}
