import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { mapConnection, OrderDirection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import { ApiClientCreateInput, ApiClientIdInput } from './api-client.inputs.js';
import { ApiClientService } from './api-client.service.js';
import { ApiClientConnection, ApiClientKeyPayload, ApiClientObject, ApiClientPayload, toApiClientObject } from './api-client.types.js';

@Resolver(() => ApiClientObject)
export class ApiClientResolver {
  @Query(() => ApiClientConnection, { description: 'API clients, by name (administrators only).' })
  async apiClients(@Args() args: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<Connection<ApiClientObject>> {
    const page = toPageRequest(args, { field: 'name' as const, direction: OrderDirection.ASC });
    return mapConnection(await ctx.service(ApiClientService).list(page), toApiClientObject);
  }

  @Mutation(() => ApiClientKeyPayload, { description: 'Creates an API client and answers its key, this once.' })
  async apiClientCreate(
    @Arg('input', () => ApiClientCreateInput, {
      description: "The new API client: its name, the organisation whose data it sees, its scopes, its key's expiry and its rate limit.",
    })
    input: ApiClientCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiClientKeyPayload> {
    const outcome = await mutationResult(() => ctx.service(ApiClientService).create(input));
    return Object.assign(new ApiClientKeyPayload(), {
      apiClient: outcome.result ? toApiClientObject(outcome.result.client) : null,
      key: outcome.result?.key ?? null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => ApiClientKeyPayload, { description: 'Gives an API client a new key; the old one stops working at once.' })
  async apiClientRotate(
    @Arg('input', () => ApiClientIdInput, { description: 'The API client that gets a new key.' }) input: ApiClientIdInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiClientKeyPayload> {
    const outcome = await mutationResult(() => ctx.service(ApiClientService).rotate(input));
    return Object.assign(new ApiClientKeyPayload(), {
      apiClient: outcome.result ? toApiClientObject(outcome.result.client) : null,
      key: outcome.result?.key ?? null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => ApiClientPayload, { description: "Revokes an API client's key for good." })
  async apiClientRevoke(
    @Arg('input', () => ApiClientIdInput, { description: 'The API client whose key is revoked.' }) input: ApiClientIdInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiClientPayload> {
    const outcome = await mutationResult(() => ctx.service(ApiClientService).revoke(input));
    return Object.assign(new ApiClientPayload(), {
      apiClient: outcome.result ? toApiClientObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @FieldResolver(() => OrganisationObject, {
    nullable: true,
    description: 'The organisation whose data it sees; null for a county-wide client.',
  })
  async organisation(@Root() client: ApiClientObject, @Ctx() ctx: RequestContext): Promise<OrganisationObject | null> {
    if (!client.organisationEntityId) return null;
    const organisation = await ctx.loaders.organisation.load(client.organisationEntityId);
    return organisation ? toOrganisationObject(organisation) : null;
  }
}
