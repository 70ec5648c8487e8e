import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult, type MutationOutcome } from '../../platform/errors/mutation-payload.js';
import type { Organisation } from './organisation.entity.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import {
  OrganisationCreateInput,
  OrganisationFilterInput,
  OrganisationOrderInput,
  OrganisationPopulationSetInput,
  OrganisationPopulationsSetInput,
  OrganisationUpdateInput,
} from './organisation.inputs.js';
import { OrganisationService } from './organisation.service.js';
import {
  OrganisationConnection,
  OrganisationPayload,
  OrganisationPopulationsPayload,
  OrganisationObject,
  PopulationFigure,
  toOrganisationObject,
  toPopulationFigure,
} from './organisation.types.js';

@ArgsType()
class OrganisationListArgs extends ConnectionArgs {
  @Field(() => OrganisationFilterInput, { nullable: true, description: 'Which organisations.' })
  filter?: OrganisationFilterInput | null;

  @Field(() => OrganisationOrderInput, { nullable: true, description: 'Order of the organisations (default: by name).' })
  orderBy?: OrganisationOrderInput | null;
}

function payload(outcome: MutationOutcome<Organisation>): OrganisationPayload {
  return Object.assign(new OrganisationPayload(), {
    organisation: outcome.result ? toOrganisationObject(outcome.result) : null,
    errors: outcome.errors,
  });
}

@Resolver(() => OrganisationObject)
export class OrganisationResolver {
  @Query(() => OrganisationConnection, { description: 'Member organisations.' })
  async organisations(
    @Args() args: OrganisationListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<OrganisationObject>> {
    const compiled = await ctx.loaders.compiledReads.read(info, args as unknown as Record<string, unknown>);
    if (compiled) return compiled.value as Connection<OrganisationObject>;
    const page = toPageRequest(args, args.orderBy ?? new OrganisationOrderInput(), info);
    const connection = await ctx.service(OrganisationService).list(args.filter ?? undefined, page);
    return mapConnection(connection, toOrganisationObject);
  }

  @Query(() => OrganisationObject, { nullable: true, description: 'One organisation by id; null when there is none.' })
  async organisation(
    @Arg('id', () => ID, { description: 'Global id of the organisation.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OrganisationObject | null> {
    const compiled = await ctx.loaders.compiledReads.read(info, { id });
    if (compiled) return compiled.value as OrganisationObject | null;
    const decoded = fromGlobalId(id, 'Organisation');
    const entity = decoded ? await ctx.loaders.organisation.load(decoded.id) : null;
    return entity ? toOrganisationObject(entity) : null;
  }

  @Mutation(() => OrganisationPayload, { description: 'Registers a new member organisation.' })
  async organisationCreate(
    @Arg('input', () => OrganisationCreateInput, {
      description: 'The new member organisation: name, kind, organisation number and populations.',
    })
    input: OrganisationCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganisationPayload> {
    return payload(await mutationResult(() => ctx.service(OrganisationService).create(input)));
  }

  @Mutation(() => OrganisationPayload, { description: 'Changes a member organisation.' })
  async organisationUpdate(
    @Arg('input', () => OrganisationUpdateInput, {
      description:
        'The member organisation to change and its new name, kind, organisation number or principal flag; fields left out stay as they are.',
    })
    input: OrganisationUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganisationPayload> {
    return payload(await mutationResult(() => ctx.service(OrganisationService).update(input)));
  }

  @Mutation(() => OrganisationPayload, { description: "Sets a member's population for a year." })
  async organisationPopulationSet(
    @Arg('input', () => OrganisationPopulationSetInput, {
      description: 'The member organisation, the calendar year and its number of inhabitants in that year.',
    })
    input: OrganisationPopulationSetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganisationPayload> {
    return payload(await mutationResult(() => ctx.service(OrganisationService).setPopulation(input)));
  }

  @Mutation(() => OrganisationPopulationsPayload, {
    description: "Sets several members' populations for one year at once (administrators): all are written, or none.",
  })
  async organisationPopulationsSet(
    @Arg('input', () => OrganisationPopulationsSetInput, {
      description: 'The calendar year and each member with its inhabitants that year.',
    })
    input: OrganisationPopulationsSetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganisationPopulationsPayload> {
    const outcome = await mutationResult(() => ctx.service(OrganisationService).setPopulations(input));
    return Object.assign(new OrganisationPopulationsPayload(), {
      organisations: (outcome.result ?? []).map(toOrganisationObject),
      errors: outcome.errors,
    });
  }

  @FieldResolver(() => [PopulationFigure], { description: 'Population by year, oldest first.' })
  async populations(@Root() organisation: OrganisationObject, @Ctx() ctx: RequestContext): Promise<PopulationFigure[]> {
    return (await ctx.loaders.populations.load(organisation.entityId)).map(toPopulationFigure);
  }
}
