import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

// type-graphql calls each @FieldResolver method through a wrapper that runs its middlewares and
// role checks and builds its parameters (sorting them, converting the root, validating arguments
// through promises), on every call. For a field resolved hundreds of times per request (the id, the
// enterprise's name of each row of a 50-row page) the wrapper costs more than the work: measured on the
// bank search, about a third of the server's CPU per request. Where the wrapper has nothing to do —
// no middleware, no @Authorized, no arguments (those are validated), parameters that are only the root,
// the context or the info — the schema calls the decorated method itself. It is the same, single
// definition: add a role, a middleware or an argument to a method and it goes through type-graphql again.

interface ParamMetadata {
  kind: string;
  index: number;
  propertyName?: string;
  getType?: () => unknown;
}

interface FieldResolverMetadata {
  kind: 'internal' | 'external';
  target: new () => Record<string, (...args: unknown[]) => unknown>;
  methodName: string;
  schemaName: string;
  getObjectType?: () => unknown;
  roles?: unknown[];
  middlewares?: unknown[];
  params?: ParamMetadata[];
}

type Param = (root: unknown, context: unknown, info: unknown) => unknown;

/** How to get one parameter, or null when type-graphql would do more than read it. */
function direct(param: ParamMetadata): Param | null {
  const key = param.propertyName;
  if (param.kind === 'context')
    return key ? (_r, context) => (context as Record<string, unknown>)[key] : (_r, context) => context;
  if (param.kind === 'info') return (_r, _c, info) => info;
  if (param.kind !== 'root') return null;
  return key ? (root) => (root as Record<string, unknown>)[key] : (root) => root;
}

/** The class a root parameter is declared as, if any: type-graphql copies a root that is not an instance. */
function rootClass(params: ParamMetadata[]): (abstract new () => unknown) | null {
  const type = params.find((param) => param.kind === 'root' && !param.propertyName)?.getType?.();
  return typeof type === 'function' && type !== Object ? (type as abstract new () => unknown) : null;
}

/** Installs the direct calls on a schema just built by type-graphql (no global middlewares); returns how many. */
export function callFieldResolversDirectly(schema: GraphQLSchema): number {
  const storage = getMetadataStorage() as unknown as {
    fieldResolvers: FieldResolverMetadata[];
    objectTypes: { target: unknown; name: string }[];
  };
  // A field that more than one resolver class declares (one of them outside this schema) is left alone.
  const declarations = new Map<unknown, string[]>();
  for (const resolver of storage.fieldResolvers) {
    const type = resolver.getObjectType?.();
    declarations.set(type, [...(declarations.get(type) ?? []), resolver.schemaName]);
  }
  const declaredOnce = (r: FieldResolverMetadata) =>
    declarations.get(r.getObjectType?.())!.filter((name) => name === r.schemaName).length === 1;
  let installed = 0;
  for (const resolver of storage.fieldResolvers) {
    if (!declaredOnce(resolver)) continue;
    if (resolver.kind !== 'external' || resolver.roles?.length || resolver.middlewares?.length) continue;
    const metadata = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    const params = metadata.map(direct);
    if (params.some((param) => param === null)) continue;
    const objectClass = resolver.getObjectType?.();
    const typeName = storage.objectTypes.find((type) => type.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    if (!field?.resolve) continue;
    const wrapped = field.resolve;
    const instance = new resolver.target();
    const method = instance[resolver.methodName]!;
    const get = params as Param[];
    const rootType = rootClass(metadata);
    const resolve: GraphQLFieldResolver<unknown, unknown> = (root, args, context, info) => {
      if (rootType && !(root instanceof rootType)) return wrapped(root, args, context, info);
      return method.apply(
        instance,
        get.map((param) => param(root, context, info)),
      );
    };
    field.resolve = resolve;
    installed++;
  }
  return installed;
}
