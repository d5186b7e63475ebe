import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { topLevelError } from '../errors.js';
import { Node } from './node.js';
import { loadNodeByGlobalId } from './node-loading.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any object by its global ID; null when it does not exist or the viewer may not see it. Public (visibility per type).',
  })
  node(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Global ID.' }) id: string) {
    return loadNodeByGlobalId(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'Several objects by global ID, in order, null where missing or not visible (at most 100). Public.',
  })
  nodes(
    @Ctx() ctx: RequestContext,
    @Arg('ids', () => [ID], { description: 'Global IDs (at most 100).' }) ids: string[],
  ) {
    if (ids.length > 100) throw topLevelError('BAD_USER_INPUT', 'ids: at most 100');
    return Promise.all(ids.map((id) => loadNodeByGlobalId(ctx, id)));
  }
}
