import { GraphQLError } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { argumentEntityId, fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { ApiClientObject, toApiClientObject } from '../api-client/api-client.types.js';
import { AuditEntryService } from './audit-entry.service.js';
import {
  AuditEntryConnection,
  AuditEntryFilterInput,
  AuditEntryObject,
  AuditEntryOrderInput,
  toAuditEntryObject,
} from './audit-entry.types.js';

@ArgsType()
class AuditEntryListArgs extends ConnectionArgs {
  @Field(() => AuditEntryFilterInput, { nullable: true, description: 'Which entries.' })
  filter?: AuditEntryFilterInput | null;

  @Field(() => AuditEntryOrderInput, { nullable: true, description: 'Order of the audit entries (default: newest first).' })
  orderBy?: AuditEntryOrderInput | null;
}

@Resolver(() => AuditEntryObject)
export class AuditEntryResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit trail of every mutation (administrators only).' })
  async auditEntries(@Args() args: AuditEntryListArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEntryObject>> {
    const filter = args.filter ?? {};
    const subject = filter.subjectId ? fromGlobalId(filter.subjectId) : null;
    if (filter.subjectId && !subject) {
      throw new GraphQLError('`filter.subjectId` is not an id.', {
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter.subjectId' },
      });
    }
    const page = toPageRequest(args, args.orderBy ?? new AuditEntryOrderInput());
    const connection = await ctx.service(AuditEntryService).list(
      {
        actorPersonId: filter.actorId ? argumentEntityId(filter.actorId, 'Person', 'filter.actorId') : undefined,
        actorApiClientId: filter.actorApiClientId
          ? argumentEntityId(filter.actorApiClientId, 'ApiClient', 'filter.actorApiClientId')
          : undefined,
        entityId: subject?.id,
        entityType: filter.subjectType ?? subject?.type ?? undefined,
        operation: filter.operation ?? undefined,
        from: filter.from ?? undefined,
        to: filter.to ?? undefined,
      },
      page,
    );
    return mapConnection(connection, toAuditEntryObject);
  }

  @FieldResolver(() => ApiClientObject, { nullable: true, description: 'The API client that made the change; null when a person made it.' })
  async apiClient(@Root() entry: AuditEntryObject, @Ctx() ctx: RequestContext): Promise<ApiClientObject | null> {
    if (!entry.actorApiClientEntityId) return null;
    const client = await ctx.loaders.apiClient.load(entry.actorApiClientEntityId);
    return client ? toApiClientObject(client) : null;
  }

  @FieldResolver(() => PersonObject, { nullable: true, description: 'The person who made the change; null when an API client made it.' })
  async actor(@Root() entry: AuditEntryObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    if (!entry.actorPersonEntityId) return null;
    const person = await ctx.loaders.person.load(entry.actorPersonEntityId);
    return person ? toPersonObject(person) : null;
  }
}
