import type { RequestContext } from '../context.js';
import { fromGlobalId } from '../ids.js';
import { defineLoader, type LoaderDefinition } from '../loaders.js';
import { nodeTypeDefinition } from './node.js';

// node(id:) and nodes(ids:) batch by type through one DataLoader per type and request, so asking for
// 100 nodes of three types costs three queries, each with the owning module's visibility rules.

const loaderByType = new Map<string, LoaderDefinition<string, object | null>>();

function loaderFor(typeName: string): LoaderDefinition<string, object | null> | null {
  const definition = nodeTypeDefinition(typeName);
  if (!definition) return null;
  let loader = loaderByType.get(typeName);
  if (!loader) {
    loader = defineLoader<string, object | null>(`node.${typeName}`, (ctx, ids) => definition.load(ctx, ids));
    loaderByType.set(typeName, loader);
  }
  return loader;
}

/** The object of this type and local id when the viewer may see it, else null. */
export async function loadNode(ctx: RequestContext, typeName: string, localId: string): Promise<object | null> {
  const loader = loaderFor(typeName);
  return loader ? ctx.loaders.get(loader).load(localId) : null;
}

/** The object a global ID names when the viewer may see it, else null (malformed IDs too). */
export async function loadNodeByGlobalId(ctx: RequestContext, globalId: string): Promise<object | null> {
  const decoded = fromGlobalId(globalId);
  return decoded ? loadNode(ctx, decoded.type, decoded.id) : null;
}
