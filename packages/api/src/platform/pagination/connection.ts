import { Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Ascending: smallest, earliest or alphabetically first value first.' },
    DESC: { description: 'Descending: largest, latest or alphabetically last value first.' },
  },
});

@ObjectType({ description: 'Where a page of a connection stands.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<TNode> {
  cursor: string;
  node: TNode;
}

export interface Connection<TNode> {
  edges: Edge<TNode>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function connectionTypes<TNode extends object>(nodeType: ClassType<TNode>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An item of a ${name} connection.` })
  class EdgeType implements Edge<TNode> {
    @Field(() => String, { description: 'Opaque position of the item; pass it as `after` to continue from here.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name} at this position of the page.` })
    node!: TNode;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType implements Connection<TNode> {
    @Field(() => [EdgeType], { description: 'The items of this page.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount!: number;
  }

  return { EdgeType, ConnectionType };
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function mapConnection<TItem, TNode>(connection: Connection<TItem>, toNode: (item: TItem) => TNode): Connection<TNode> {
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) })),
  };
}
