import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context.js';
import { mutationResult } from '../../common/errors/mutation-payload.js';
import { fromGlobalId } from '../../common/graphql/global-id.js';
import { mapConnection, OrderDirection, type Connection } from '../../common/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../common/pagination/connection-args.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { Offering } from '../registration/registration.entities.js';
import { Cohort } from './cohort.entities.js';
import { CohortCreateInput, CohortRegisterInput, CohortUpdateInput, ProgrammeCreateInput, RegistrationCancelInput } from './cohort.inputs.js';
import { CohortService } from './cohort.service.js';
import {
  CohortConnection,
  CohortObject,
  CohortPayload,
  ProgrammeObject,
  ProgrammePayload,
  RegistrationConnection,
  RegistrationObject,
  RegistrationPayload,
  toCohortObject,
  toProgrammeObject,
  toRegistrationObject,
} from './cohort.types.js';

async function cohortObject(cohort: Cohort, ctx: RequestContext): Promise<CohortObject> {
  return toCohortObject(cohort, (await ctx.loaders.offering.load(cohort.offering.id))!);
}

@Resolver(() => CohortObject)
export class CohortResolver {
  @Query(() => CohortConnection, { description: 'Cohorts of all programmes, newest first.' })
  async cohorts(@Args() args: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<Connection<CohortObject>> {
    const page = toPageRequest(args, { field: 'createdAt' as const, direction: OrderDirection.DESC });
    const connection = await new CohortService(ctx).list(page);
    const offerings = await ctx.loaders.offering.loadMany(connection.edges.map((edge) => edge.node.offering.id));
    return mapConnection(connection, (cohort) => toCohortObject(cohort, offerings.find((o) => (o as Offering).id === cohort.offering.id) as Offering));
  }

  @Query(() => CohortObject, { nullable: true, description: 'One cohort by id; null when there is none.' })
  async cohort(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<CohortObject | null> {
    const decoded = fromGlobalId(id, 'Cohort');
    const cohort = decoded ? await new CohortService(ctx).find(decoded.id) : null;
    return cohort ? cohortObject(cohort, ctx) : null;
  }

  @Mutation(() => ProgrammePayload, { description: 'Creates a training programme (administrators).' })
  async programmeCreate(@Arg('input', () => ProgrammeCreateInput, { description: 'What to change.' }) input: ProgrammeCreateInput, @Ctx() ctx: RequestContext): Promise<ProgrammePayload> {
    const outcome = await mutationResult(() => new CohortService(ctx).createProgramme(input));
    return Object.assign(new ProgrammePayload(), { programme: outcome.result ? toProgrammeObject(outcome.result) : null, errors: outcome.errors });
  }

  @Mutation(() => CohortPayload, { description: 'Creates a cohort of a programme (administrators).' })
  async cohortCreate(@Arg('input', () => CohortCreateInput, { description: 'What to change.' }) input: CohortCreateInput, @Ctx() ctx: RequestContext): Promise<CohortPayload> {
    const outcome = await mutationResult(() => new CohortService(ctx).createCohort(input));
    return Object.assign(new CohortPayload(), { cohort: outcome.result ? await cohortObject(outcome.result, ctx) : null, errors: outcome.errors });
  }

  @Mutation(() => CohortPayload, { description: 'Changes a cohort: status, or capacity (new places go to the waitlist at once).' })
  async cohortUpdate(@Arg('input', () => CohortUpdateInput, { description: 'What to change.' }) input: CohortUpdateInput, @Ctx() ctx: RequestContext): Promise<CohortPayload> {
    const outcome = await mutationResult(() => new CohortService(ctx).updateCohort(input));
    ctx.loaders.offering.clearAll();
    return Object.assign(new CohortPayload(), { cohort: outcome.result ? await cohortObject(outcome.result, ctx) : null, errors: outcome.errors });
  }

  @Mutation(() => RegistrationPayload, { description: 'Registers a person (default: yourself): confirmed while places are left, else waitlisted.' })
  async cohortRegister(@Arg('input', () => CohortRegisterInput, { description: 'What to change.' }) input: CohortRegisterInput, @Ctx() ctx: RequestContext): Promise<RegistrationPayload> {
    const outcome = await mutationResult(() => new CohortService(ctx).register(input));
    return Object.assign(new RegistrationPayload(), { registration: outcome.result ? toRegistrationObject(outcome.result) : null, errors: outcome.errors });
  }

  @Mutation(() => RegistrationPayload, { description: 'Cancels a registration (or leaves the waitlist); a freed place goes to the first in line.' })
  async registrationCancel(@Arg('input', () => RegistrationCancelInput, { description: 'What to change.' }) input: RegistrationCancelInput, @Ctx() ctx: RequestContext): Promise<RegistrationPayload> {
    const outcome = await mutationResult(() => new CohortService(ctx).cancel(input));
    return Object.assign(new RegistrationPayload(), { registration: outcome.result ? toRegistrationObject(outcome.result) : null, errors: outcome.errors });
  }

  @FieldResolver(() => ProgrammeObject, { description: 'The programme.' })
  async programme(@Root() cohort: CohortObject, @Ctx() ctx: RequestContext): Promise<ProgrammeObject> {
    return toProgrammeObject((await ctx.loaders.programme.load(cohort.programmeEntityId))!);
  }

  @FieldResolver(() => RegistrationConnection, { description: 'Registrations you may see (confirmed and waitlisted), in the order they came.' })
  async registrations(@Root() cohort: CohortObject, @Args() args: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<Connection<RegistrationObject>> {
    const page = toPageRequest(args, { field: 'registeredAt' as const, direction: OrderDirection.ASC });
    return mapConnection(await ctx.loaders.registrationPages({ page }).load(cohort.offeringEntityId), toRegistrationObject);
  }
}

@Resolver(() => RegistrationObject)
export class RegistrationResolver {
  @FieldResolver(() => PersonObject, { nullable: true, description: 'Who is registered; null when you may not see them.' })
  async person(@Root() registration: RegistrationObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    const person = await ctx.loaders.person.load(registration.personEntityId);
    return person ? toPersonObject(person) : null;
  }
}
