import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', { description: 'An object with a global id that `node(id:)` refetches.' })
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque id of the object.' })
  id!: string;
}
