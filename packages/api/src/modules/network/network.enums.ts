import { registerEnumType } from 'type-graphql';

export enum NetworkStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

registerEnumType(NetworkStatus, {
  name: 'NetworkStatus',
  description: 'Whether a network takes members and holds meetings.',
  valuesConfig: {
    ACTIVE: { description: 'Takes members and holds meetings.' },
    CLOSED: { description: 'Takes no new members and plans no meetings; its history is kept.' },
  },
});

export enum NetworkRole {
  MEMBER = 'MEMBER',
  /** Leads the network's meetings (processledare). */
  FACILITATOR = 'FACILITATOR',
}

registerEnumType(NetworkRole, {
  name: 'NetworkRole',
  description: 'A member, or a facilitator who leads the meetings.',
  valuesConfig: {
    MEMBER: { description: 'A member: takes part in the meetings.' },
    FACILITATOR: { description: "Leads the network's meetings (processledare) and plans them." },
  },
});
