import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import { ApiScope, type ApiClient } from './api-client.entity.js';

@ObjectType('ApiClient', { implements: Node, description: 'An external system with its own key (the key itself is shown only once).' })
export class ApiClientObject extends Node {
  /** Row ids; not part of the contract. */
  entityId!: string;
  organisationEntityId!: string | null;

  @Field(() => String, { description: 'Name of the system.' })
  name!: string;

  @Field(() => [ApiScope], { description: 'What it may do.' })
  scopes!: ApiScope[];

  @Field(() => String, { description: 'The first characters of its key, to recognise it by.' })
  keyPrefix!: string;

  @Field(() => Int, { description: 'Requests per minute it may make.' })
  rateLimitPerMinute!: number;

  @Field(() => Boolean, { description: 'Whether its key works now (neither revoked nor expired).' })
  isActive!: boolean;

  @Field(() => DateTime, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When its key stops working; null: never.' })
  expiresAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When it was revoked.' })
  revokedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When it last made a request (to the minute).' })
  lastUsedAt!: Date | null;
}

export const { ConnectionType: ApiClientConnection } = connectionTypes(ApiClientObject, 'ApiClient');

@ObjectType('ApiClientPayload', { implements: MutationPayload, description: 'Result of a change to an API client.' })
export class ApiClientPayload extends MutationPayload {
  @Field(() => ApiClientObject, { nullable: true, description: 'The API client; null when the mutation failed.' })
  apiClient: ApiClientObject | null = null;
}

@ObjectType('ApiClientKeyPayload', { implements: MutationPayload, description: 'An API client with its new key.' })
export class ApiClientKeyPayload extends MutationPayload {
  @Field(() => ApiClientObject, { nullable: true, description: 'The API client; null when the mutation failed.' })
  apiClient: ApiClientObject | null = null;

  @Field(() => String, { nullable: true, description: 'The secret key, shown this once: send it as `Authorization: Bearer <key>`.' })
  key: string | null = null;
}

export function toApiClientObject(entity: ApiClient): ApiClientObject {
  return Object.assign(new ApiClientObject(), {
    id: toGlobalId('ApiClient', entity.id),
    entityId: entity.id,
    organisationEntityId: entity.organisation?.id ?? null,
    name: entity.name,
    scopes: entity.scopes,
    keyPrefix: entity.keyPrefix,
    rateLimitPerMinute: entity.rateLimitPerMinute,
    isActive: entity.isActiveAt(new Date()),
    createdAt: entity.createdAt,
    expiresAt: entity.expiresAt,
    revokedAt: entity.revokedAt,
    lastUsedAt: entity.lastUsedAt,
  });
}
