import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import { Role } from '../role-assignment/role-assignment.entity.js';
import { OfferingObject, type OfferingFields } from '../offering/offering.types.js';
import type { NetworkMeeting } from './network-meeting.entity.js';
import type { NetworkMembership } from './network-membership.entity.js';
import type { Network } from './network.entity.js';
import { NetworkRole, NetworkStatus } from './network.enums.js';

@ObjectType('Network', { implements: Node, description: 'A network, e.g. "Lärande chefsnätverk Norrköping".' })
export class NetworkObject extends Node {
  entityId!: string;
  prerequisiteProgrammeEntityId!: string | null;

  @Field(() => String, { description: 'The network\'s name, e.g. "Lärande chefsnätverk Motala".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the network is for, and whom it is for.' })
  description!: string | null;

  @Field(() => NetworkStatus, { description: 'Whether it takes members and holds meetings.' })
  status!: NetworkStatus;

  @Field(() => [Role], { description: 'Roles one of which a member must hold; empty: anyone.' })
  audienceRoles!: Role[];
}

@ObjectType('NetworkMembership', { implements: Node, description: 'A period of membership of a network (history is kept).' })
export class NetworkMembershipObject extends Node {
  entityId!: string;
  networkEntityId!: string;
  personEntityId!: string;

  @Field(() => NetworkRole, { description: 'Member or facilitator.' })
  role!: NetworkRole;

  @Field(() => DateTime, { description: 'When they joined.' })
  joinedAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When they left; null while a member.' })
  leftAt!: Date | null;
}

@ObjectType('NetworkMeeting', { implements: [Node, OfferingObject], description: 'A meeting of a network; its members register for it.' })
export class NetworkMeetingObject extends OfferingObject {
  entityId!: string;
  networkEntityId!: string;

  @Field(() => String, { description: "The meeting's title, as invitations and calendars show it." })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the meeting is about.' })
  description!: string | null;
}

export const { ConnectionType: NetworkConnection } = connectionTypes(NetworkObject, 'Network');
export const { ConnectionType: NetworkMembershipConnection } = connectionTypes(NetworkMembershipObject, 'NetworkMembership');

@ObjectType('NetworkPayload', { implements: MutationPayload, description: 'Result of a change to a network.' })
export class NetworkPayload extends MutationPayload {
  @Field(() => NetworkObject, { nullable: true, description: 'The network; null when the mutation failed.' })
  network: NetworkObject | null = null;
}

@ObjectType('NetworkMembershipPayload', { implements: MutationPayload, description: 'Result of joining or leaving a network.' })
export class NetworkMembershipPayload extends MutationPayload {
  @Field(() => NetworkMembershipObject, { nullable: true, description: 'The membership; null when the mutation failed.' })
  membership: NetworkMembershipObject | null = null;
}

@ObjectType('NetworkMeetingPayload', { implements: MutationPayload, description: 'Result of a change to a network meeting.' })
export class NetworkMeetingPayload extends MutationPayload {
  @Field(() => NetworkMeetingObject, { nullable: true, description: 'The meeting; null when the mutation failed.' })
  meeting: NetworkMeetingObject | null = null;
}

export function toNetworkObject(entity: Network): NetworkObject {
  return Object.assign(new NetworkObject(), {
    id: toGlobalId('Network', entity.id),
    entityId: entity.id,
    prerequisiteProgrammeEntityId: entity.prerequisiteProgramme?.id ?? null,
    name: entity.name,
    description: entity.description,
    status: entity.status,
    audienceRoles: entity.audienceRoles as Role[],
  });
}

export function toNetworkMembershipObject(entity: NetworkMembership): NetworkMembershipObject {
  return Object.assign(new NetworkMembershipObject(), {
    id: toGlobalId('NetworkMembership', entity.id),
    entityId: entity.id,
    networkEntityId: entity.network.id,
    personEntityId: entity.person.id,
    role: entity.role,
    joinedAt: entity.joinedAt,
    leftAt: entity.leftAt,
  });
}

export function toNetworkMeetingObject(meeting: NetworkMeeting, offering: OfferingFields): NetworkMeetingObject {
  return Object.assign(new NetworkMeetingObject(), {
    ...offering,
    id: toGlobalId('NetworkMeeting', meeting.id),
    entityId: meeting.id,
    networkEntityId: meeting.network.id,
    title: meeting.title,
    description: meeting.description,
  });
}
