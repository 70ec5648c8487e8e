import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, OrderDirection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { ProgrammeObject, toProgrammeObject } from '../cohort/cohort.types.js';
import { offeringFields, RegistrationObject, RegistrationPayload, registrationPayload } from '../offering/offering.types.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import type { NetworkMeeting } from './network-meeting.entity.js';
import {
  NetworkCreateInput,
  NetworkFacilitatorAddInput,
  NetworkFilterInput,
  NetworkMeetingCreateInput,
  NetworkMeetingRegisterInput,
  NetworkMeetingUpdateInput,
  NetworkMembershipInput,
  NetworkUpdateInput,
} from './network.inputs.js';
import { NetworkRole } from './network.enums.js';
import { NetworkService } from './network.service.js';
import {
  NetworkConnection,
  NetworkMeetingObject,
  NetworkMeetingPayload,
  NetworkMembershipConnection,
  NetworkMembershipObject,
  NetworkMembershipPayload,
  NetworkObject,
  NetworkPayload,
  toNetworkMeetingObject,
  toNetworkMembershipObject,
  toNetworkObject,
} from './network.types.js';

export async function networkMeetingObject(meeting: NetworkMeeting, ctx: RequestContext): Promise<NetworkMeetingObject> {
  // One load, no extra await: the offering joins the same batch as before the move (the statement counts hold).
  return toNetworkMeetingObject(meeting, offeringFields((await ctx.loaders.offering.load(meeting.offeringId))!));
}

@ArgsType()
class NetworkListArgs extends ConnectionArgs {
  @Field(() => NetworkFilterInput, {
    nullable: true,
    description: 'Which networks: a name search, a status, a prerequisite programme, an open meeting; left out: all.',
  })
  filter?: NetworkFilterInput | null;
}

@ArgsType()
class NetworkMembersArgs extends ConnectionArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Also those who left (history).' })
  includeEnded!: boolean;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Only the memberships that ended (the history), the most recent leaver first.',
  })
  endedOnly!: boolean;

  @Field(() => NetworkRole, { nullable: true, description: 'Only members or only facilitators; left out: both.' })
  role?: NetworkRole | null;
}

@Resolver(() => NetworkObject)
export class NetworkResolver {
  @Query(() => NetworkConnection, { description: 'Networks, by name.' })
  async networks(@Args() args: NetworkListArgs, @Ctx() ctx: RequestContext): Promise<Connection<NetworkObject>> {
    const page = toPageRequest(args, { field: 'name' as const, direction: OrderDirection.ASC });
    return mapConnection(await ctx.service(NetworkService).list(page, args.filter ?? undefined), toNetworkObject);
  }

  @Query(() => NetworkObject, { nullable: true, description: 'One network by id; null when there is none.' })
  async network(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<NetworkObject | null> {
    const decoded = fromGlobalId(id, 'Network');
    const network = decoded ? await ctx.service(NetworkService).find(decoded.id) : null;
    return network && toNetworkObject(network);
  }

  @Mutation(() => NetworkPayload, { description: 'Creates a network (administrators).' })
  async networkCreate(
    @Arg('input', () => NetworkCreateInput, { description: 'The new network: its name, audience and prerequisite programme.' })
    input: NetworkCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NetworkPayload> {
    const outcome = await mutationResult(() => ctx.service(NetworkService).create(input));
    return Object.assign(new NetworkPayload(), {
      network: outcome.result ? toNetworkObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => NetworkPayload, { description: 'Changes a network (administrators).' })
  async networkUpdate(
    @Arg('input', () => NetworkUpdateInput, { description: 'The network and what to change of it.' }) input: NetworkUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NetworkPayload> {
    const outcome = await mutationResult(() => ctx.service(NetworkService).update(input));
    return Object.assign(new NetworkPayload(), {
      network: outcome.result ? toNetworkObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => NetworkMembershipPayload, { description: 'Joins a network (yourself by default); its audience and prerequisite apply.' })
  async networkJoin(
    @Arg('input', () => NetworkMembershipInput, { description: 'The network, and who joins or leaves it (default: yourself).' })
    input: NetworkMembershipInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NetworkMembershipPayload> {
    const outcome = await mutationResult(() => ctx.service(NetworkService).join(input));
    return Object.assign(new NetworkMembershipPayload(), {
      membership: outcome.result ? toNetworkMembershipObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => NetworkMembershipPayload, { description: 'Leaves a network (yourself by default); the membership is kept as history.' })
  async networkLeave(
    @Arg('input', () => NetworkMembershipInput, { description: 'The network, and who joins or leaves it (default: yourself).' })
    input: NetworkMembershipInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NetworkMembershipPayload> {
    const outcome = await mutationResult(() => ctx.service(NetworkService).leave(input));
    return Object.assign(new NetworkMembershipPayload(), {
      membership: outcome.result ? toNetworkMembershipObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => NetworkMembershipPayload, { description: 'Makes a person a facilitator of a network (administrators).' })
  async networkFacilitatorAdd(
    @Arg('input', () => NetworkFacilitatorAddInput, { description: 'The network and the person to make its facilitator.' })
    input: NetworkFacilitatorAddInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NetworkMembershipPayload> {
    const outcome = await mutationResult(() => ctx.service(NetworkService).addFacilitator(input));
    return Object.assign(new NetworkMembershipPayload(), {
      membership: outcome.result ? toNetworkMembershipObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => NetworkMeetingPayload, { description: "Plans a network meeting (administrators and the network's facilitators)." })
  async networkMeetingCreate(
    @Arg('input', () => NetworkMeetingCreateInput, { description: 'The network, and the new meeting: its title, time, place and places.' })
    input: NetworkMeetingCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NetworkMeetingPayload> {
    const outcome = await mutationResult(() => ctx.service(NetworkService).createMeeting(input));
    ctx.loaders.offering.clearAll();
    return Object.assign(new NetworkMeetingPayload(), {
      meeting: outcome.result ? await networkMeetingObject(outcome.result, ctx) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => NetworkMeetingPayload, {
    description: "Changes a network meeting: title, description, capacity, status (administrators and the network's facilitators).",
  })
  async networkMeetingUpdate(
    @Arg('input', () => NetworkMeetingUpdateInput, { description: 'The network meeting and what to change of it.' })
    input: NetworkMeetingUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NetworkMeetingPayload> {
    const outcome = await mutationResult(() => ctx.service(NetworkService).updateMeeting(input));
    return Object.assign(new NetworkMeetingPayload(), {
      meeting: outcome.result ? await networkMeetingObject(outcome.result, ctx) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => RegistrationPayload, {
    description: 'Registers a member (default: yourself) for a network meeting: confirmed while places are left, else waitlisted.',
  })
  async networkMeetingRegister(
    @Arg('input', () => NetworkMeetingRegisterInput, { description: 'The network meeting to register for and whom to register.' })
    input: NetworkMeetingRegisterInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(NetworkService).registerForMeeting(input)));
  }

  @FieldResolver(() => ProgrammeObject, { nullable: true, description: 'A programme members must have completed first.' })
  async prerequisite(@Root() network: NetworkObject, @Ctx() ctx: RequestContext): Promise<ProgrammeObject | null> {
    if (!network.prerequisiteProgrammeEntityId) return null;
    const programme = await ctx.loaders.programme.load(network.prerequisiteProgrammeEntityId);
    return programme && toProgrammeObject(programme);
  }

  @FieldResolver(() => NetworkMembershipConnection, {
    description:
      'Members and facilitators you may see, by joining date; ended memberships too with includeEnded, only those with endedOnly.',
  })
  async members(
    @Root() network: NetworkObject,
    @Args() args: NetworkMembersArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<NetworkMembershipObject>> {
    const order = args.endedOnly
      ? { field: 'leftAt' as const, direction: OrderDirection.DESC }
      : { field: 'joinedAt' as const, direction: OrderDirection.ASC };
    const page = toPageRequest(args, order, info);
    const filter = { includeEnded: args.includeEnded, endedOnly: args.endedOnly, role: args.role ?? null };
    return mapConnection(await ctx.loaders.networkMemberPages({ filter, page }).load(network.entityId), toNetworkMembershipObject);
  }

  @FieldResolver(() => [NetworkMeetingObject], { description: 'Meetings, in time order.' })
  async meetings(@Root() network: NetworkObject, @Ctx() ctx: RequestContext): Promise<NetworkMeetingObject[]> {
    const meetings = await ctx.loaders.networkMeetings.load(network.entityId);
    return Promise.all(meetings.map((meeting) => networkMeetingObject(meeting, ctx)));
  }
}

@Resolver(() => NetworkMembershipObject)
export class NetworkMembershipResolver {
  @FieldResolver(() => PersonObject, { nullable: true, description: 'The member; null when you may not see them.' })
  async person(@Root() membership: NetworkMembershipObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    const person = await ctx.loaders.person.load(membership.personEntityId);
    return person && toPersonObject(person);
  }

  @FieldResolver(() => NetworkObject, { description: 'The network of the membership.' })
  async network(@Root() membership: NetworkMembershipObject, @Ctx() ctx: RequestContext): Promise<NetworkObject> {
    return toNetworkObject((await ctx.loaders.network.load(membership.networkEntityId))!);
  }
}

@Resolver(() => NetworkMeetingObject)
export class NetworkMeetingResolver {
  @FieldResolver(() => NetworkObject, { description: 'The network whose meeting this is.' })
  async network(@Root() meeting: NetworkMeetingObject, @Ctx() ctx: RequestContext): Promise<NetworkObject> {
    return toNetworkObject((await ctx.loaders.network.load(meeting.networkEntityId))!);
  }
}

@Resolver(() => PersonObject)
export class PersonNetworksResolver {
  @FieldResolver(() => [NetworkMembershipObject], { description: 'Networks the person is a member or facilitator of now.' })
  async networks(@Root() person: PersonObject, @Ctx() ctx: RequestContext): Promise<NetworkMembershipObject[]> {
    return (await ctx.loaders.personNetworks.load(person.entityId)).map(toNetworkMembershipObject);
  }
}

@Resolver(() => RegistrationObject)
export class RegistrationMeetingResolver {
  @FieldResolver(() => NetworkMeetingObject, { nullable: true, description: 'The network meeting registered for, if it is one.' })
  async meeting(@Root() registration: RegistrationObject, @Ctx() ctx: RequestContext): Promise<NetworkMeetingObject | null> {
    const meeting = await ctx.loaders.meetingByOffering.load(registration.offeringEntityId);
    return meeting && networkMeetingObject(meeting, ctx);
  }
}
