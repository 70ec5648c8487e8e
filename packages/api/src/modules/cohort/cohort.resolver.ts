import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { argumentEntityId, fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, OrderDirection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import {
  loadOfferingFields,
  offeringFields,
  RegistrationObject,
  RegistrationPayload,
  registrationPayload,
} from '../offering/offering.types.js';
import { OfferingFilterInput } from '../offering/offering.inputs.js';
import type { Cohort } from './cohort.entity.js';
import {
  CohortCreateInput,
  CohortRegisterInput,
  CohortUpdateInput,
  ProgrammeCreateInput,
  RegistrationTransferInput,
} from './cohort.inputs.js';
import { CohortService } from './cohort.service.js';
import {
  CohortConnection,
  CohortObject,
  CohortPayload,
  ProgrammeObject,
  ProgrammePayload,
  toCohortObject,
  toProgrammeObject,
} from './cohort.types.js';

export async function cohortObject(cohort: Cohort, ctx: RequestContext): Promise<CohortObject> {
  // One load, no extra await: the offering joins the same batch as before the move (the statement counts hold).
  return toCohortObject(cohort, offeringFields((await ctx.loaders.offering.load(cohort.offeringId))!));
}

@ArgsType()
class CohortListArgs extends ConnectionArgs {
  @Field(() => OfferingFilterInput, { nullable: true, description: 'Which cohorts (default: all).' })
  filter?: OfferingFilterInput | null;
}

@Resolver(() => CohortObject)
export class CohortResolver {
  @Query(() => CohortConnection, { description: 'Cohorts of all programmes, newest first.' })
  async cohorts(@Args() args: CohortListArgs, @Ctx() ctx: RequestContext): Promise<Connection<CohortObject>> {
    const page = toPageRequest(args, { field: 'createdAt' as const, direction: OrderDirection.DESC });
    const connection = await ctx
      .service(CohortService)
      .list(page, args.filter?.registrableBy ? argumentEntityId(args.filter.registrableBy, 'Person', 'filter.registrableBy') : null);
    const offerings = await loadOfferingFields(
      ctx.loaders,
      connection.edges.map((edge) => edge.node.offeringId),
    );
    const byCohort = new Map(connection.edges.map((edge, index) => [edge.node.id, offerings[index]!]));
    return mapConnection(connection, (cohort) => toCohortObject(cohort, byCohort.get(cohort.id)!));
  }

  @Query(() => CohortObject, { nullable: true, description: 'One cohort by id; null when there is none.' })
  async cohort(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<CohortObject | null> {
    const decoded = fromGlobalId(id, 'Cohort');
    const cohort = decoded ? await ctx.service(CohortService).find(decoded.id) : null;
    return cohort ? cohortObject(cohort, ctx) : null;
  }

  @Mutation(() => ProgrammePayload, { description: 'Creates a training programme (administrators).' })
  async programmeCreate(
    @Arg('input', () => ProgrammeCreateInput, { description: 'The new programme: its name and its completion rule.' })
    input: ProgrammeCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgrammePayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).createProgramme(input));
    return Object.assign(new ProgrammePayload(), {
      programme: outcome.result ? toProgrammeObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => CohortPayload, { description: 'Creates a cohort of a programme (administrators).' })
  async cohortCreate(
    @Arg('input', () => CohortCreateInput, {
      description: 'The programme, and the new cohort: its name, places, registration window, audience and seat quotas.',
    })
    input: CohortCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CohortPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).createCohort(input));
    ctx.loaders.offering.clearAll();
    return Object.assign(new CohortPayload(), {
      cohort: outcome.result ? await cohortObject(outcome.result, ctx) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => CohortPayload, { description: 'Changes a cohort: status, or capacity (new places go to the waitlist at once).' })
  async cohortUpdate(
    @Arg('input', () => CohortUpdateInput, { description: 'The cohort and what to change of it.' }) input: CohortUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CohortPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).updateCohort(input));
    ctx.loaders.offering.clearAll();
    return Object.assign(new CohortPayload(), {
      cohort: outcome.result ? await cohortObject(outcome.result, ctx) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => RegistrationPayload, {
    description: 'Registers a person (default: yourself) for a cohort: confirmed while places are left, else waitlisted.',
  })
  async cohortRegister(
    @Arg('input', () => CohortRegisterInput, { description: 'The cohort to register for and whom to register.' })
    input: CohortRegisterInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(CohortService).register(input)));
  }

  @Mutation(() => RegistrationPayload, {
    description:
      "Moves a person's registration to another cohort (administrators): the old place goes to that cohort's queue; the new one is a place or the end of the other queue.",
  })
  async registrationTransfer(
    @Arg('input', () => RegistrationTransferInput, { description: 'The registration and the cohort to move it to.' })
    input: RegistrationTransferInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(CohortService).transfer(input)));
  }

  @FieldResolver(() => ProgrammeObject, { description: 'The programme.' })
  async programme(@Root() cohort: CohortObject, @Ctx() ctx: RequestContext): Promise<ProgrammeObject> {
    return toProgrammeObject((await ctx.loaders.programme.load(cohort.programmeEntityId))!);
  }
}

@Resolver(() => RegistrationObject)
export class RegistrationCohortResolver {
  @FieldResolver(() => CohortObject, { nullable: true, description: 'The cohort registered for, if it is one (see also offering).' })
  async cohort(@Root() registration: RegistrationObject, @Ctx() ctx: RequestContext): Promise<CohortObject | null> {
    const cohort = await ctx.loaders.cohortByOffering.load(registration.offeringEntityId);
    return cohort ? cohortObject(cohort, ctx) : null;
  }
}
