import { Field, FieldResolver, ID, InterfaceType, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '../ids.js';
import type { RequestContext } from '../context.js';

// The Node interface and its registry. Each module registers the node types it owns with a loader
// that applies the viewer's visibility, so `node(id:)`/`nodes(ids:)` never show more than the
// module's own queries would: what a viewer may not see is reported exactly as if it did not exist.

export interface NodeTypeDefinition {
  /** GraphQL type name, also the prefix inside the global ID. */
  typeName: string;
  /** Entity class whose instances resolve to this GraphQL type. */
  entity: abstract new (...args: never[]) => object;
  /** Loads the visible objects for these local ids, in order, null where missing or hidden. */
  load(ctx: RequestContext, ids: readonly string[]): Promise<(object | null)[]>;
}

const byTypeName = new Map<string, NodeTypeDefinition>();
const byEntity = new Map<unknown, string>();

export function registerNodeType(definition: NodeTypeDefinition): void {
  if (byTypeName.has(definition.typeName)) return;
  byTypeName.set(definition.typeName, definition);
  byEntity.set(definition.entity, definition.typeName);
}

export function nodeTypeDefinition(typeName: string): NodeTypeDefinition | undefined {
  return byTypeName.get(typeName);
}

/** Every registered node type name (the schema must have an object type of each name). */
export function registeredNodeTypeNames(): string[] {
  return [...byTypeName.keys()];
}

/** The GraphQL type name of an entity instance returned where a Node is expected. */
export function nodeTypeNameOf(value: object): string | undefined {
  let proto: unknown = Object.getPrototypeOf(value);
  while (proto && proto !== Object.prototype) {
    const name = byEntity.get((proto as { constructor: unknown }).constructor);
    if (name) return name;
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

@InterfaceType({
  description: 'An object with a global ID. Fetch any of them with `node(id:)`.',
  resolveType: (value: object) => nodeTypeNameOf(value),
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global identifier.' })
  id!: string;
}

/**
 * A resolver class giving a node type its global `id`, registered with the module's other resolvers.
 * Entities keep their UUID in `id`; the API only ever shows the opaque global form.
 */
export function nodeIdResolver(graphqlType: abstract new () => Node, typeName: string) {
  @Resolver(() => graphqlType)
  class NodeIdResolver {
    @FieldResolver(() => ID, { description: 'Opaque global identifier.' })
    id(@Root() entity: { id: string }): string {
      return toGlobalId(typeName, entity.id);
    }
  }
  Object.defineProperty(NodeIdResolver, 'name', { value: `${typeName}IdResolver` });
  return NodeIdResolver;
}
