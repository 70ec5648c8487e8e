import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { argumentEntityId } from '../../platform/graphql/global-id.js';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import { StatisticsService, type OrganisationTrainingFigures } from './statistics.service.js';
import { StatisticsPolicy } from './statistics.policy.js';

@ObjectType('OrganisationTrainingStatistics', {
  description: "A member organisation's training figures for one calendar year (Swedish time).",
})
export class OrganisationTrainingStatisticsObject {
  @Field(() => OrganisationObject, { description: 'The member organisation.' })
  organisation!: OrganisationObject;

  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, {
    description:
      'People who registered for a cohort (any programme) during the year and hold or held a place or a queue place (not cancelled, lapsed, rejected or awaiting approval).',
  })
  peopleRegistered!: number;

  @Field(() => Int, { description: 'People who completed a programme during the year.' })
  peopleCompleted!: number;

  @Field(() => Int, { description: 'People on a cohort waitlist now, of those registered by the end of the year.' })
  peopleWaitlisted!: number;

  @Field(() => Int, { description: 'People who were network members at some time during the year.' })
  networkMembers!: number;

  @Field(() => Int, { description: 'Confirmed places at network meetings held during the year.' })
  meetingRegistrations!: number;

  @Field(() => Int, { description: 'Attendances (present) at network meetings held during the year.' })
  meetingAttendances!: number;
}

function toObject(figures: OrganisationTrainingFigures): OrganisationTrainingStatisticsObject {
  return Object.assign(new OrganisationTrainingStatisticsObject(), {
    ...figures,
    organisation: toOrganisationObject(figures.organisation),
  });
}

@Resolver()
export class StatisticsResolver {
  @Query(() => [OrganisationTrainingStatisticsObject], {
    description:
      "Training figures per member organisation for a year (administrators: all; organisation admins: theirs; API clients with READ_STATISTICS: their organisation's, or all when county-wide).",
  })
  async trainingStatistics(
    @Arg('year', () => Int, { description: 'Calendar year, e.g. 2026.' }) year: number,
    @Arg('organisationId', () => ID, { nullable: true, description: 'Only this organisation.' }) organisationId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganisationTrainingStatisticsObject[]> {
    ctx.access.requireToRead(
      StatisticsPolicy.of(ctx.access).mayReadTrainingStatistics(),
      'Training statistics are for administrators, organisation admins and API clients with READ_STATISTICS.',
    );
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new GraphQLError('`year` must be between 2000 and 2100.', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'year' } });
    const id = organisationId ? argumentEntityId(organisationId, 'Organisation', 'organisationId') : null;
    return (await ctx.service(StatisticsService).figures(year, id)).map(toObject);
  }
}
