import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { RequestError } from '../errors/request-error.js';
import { Node } from './node.interface.js';

/** Refetches any object by its global id (Relay object identification), through the modules' node types. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when there is none.' })
  node(
    @Arg('id', () => ID, { description: 'Global id of any object (any type implementing `Node`).' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Node | null> {
    return ctx.loadNode(id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Objects by their global ids, in the same order; null where there is none.' })
  async nodes(
    @Arg('ids', () => [ID], { description: 'Global ids (at most 100).' }) ids: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<(Node | null)[]> {
    if (ids.length > 100) throw new RequestError('BAD_USER_INPUT', '`ids` may hold at most 100 ids.', { argumentName: 'ids' });
    return Promise.all(ids.map((id) => ctx.loadNode(id)));
  }
}
