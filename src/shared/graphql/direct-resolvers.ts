import {
  getNamedType,
  isEnumType,
  isObjectType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { DomainError } from '../errors.js';
import { hasRefusedCharacter, textInputProblems } from './text-input.js';

// type-graphql wraps every @FieldResolver it builds: middlewares, the conversion of the root to its
// class, and the validation of each argument through a promise. For a field resolved hundreds of times
// per request (each row of a 50-row bank search, with its nested objects) that wrapping cost more than
// the work. When it would add nothing — no @Authorized roles, no middleware, and parameters that are
// only @Root, @Ctx, @Info and scalar or enum @Arg — the built field calls the decorated method itself.
// The decorated method stays the one definition: adding @Authorized, a middleware or an input-object
// argument to a field puts it back on type-graphql's path, with nothing to remember.

type Resolve = GraphQLFieldResolver<unknown, RequestContext, Record<string, unknown>>;
type Metadata = ReturnType<typeof getMetadataStorage>;
type FieldResolverMetadata = Metadata['fieldResolvers'][number];
/** A class as type-graphql's metadata holds it (resolver classes, object types). */
type Class = FieldResolverMetadata['target'];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];
/** One parameter's value from the resolver's arguments; undefined when the root needs type-graphql's conversion. */
type ParamReader = (root: unknown, args: Record<string, unknown>, ctx: RequestContext, info: unknown) => unknown;

const NEEDS_CONVERSION = Symbol('needs type-graphql conversion');

function paramReader(
  param: ParamMetadata,
  argType: (name: string) => GraphQLInputType | undefined,
): ParamReader | null {
  switch (param.kind) {
    case 'root': {
      if (param.propertyName) return null;
      // type-graphql copies a root that is not an instance of the declared class into one; such a call
      // takes its path (a plain `object` or a type-only import is declared as Object and never copied).
      const declared = param.getType?.();
      if (typeof declared !== 'function' || declared === Object) return (root) => root;
      return (root) => (root == null || root instanceof declared ? root : NEEDS_CONVERSION);
    }
    case 'context':
      return param.propertyName
        ? (_root, _args, ctx) => ctx[param.propertyName as keyof RequestContext]
        : (_r, _a, ctx) => ctx;
    case 'info':
      return (_root, _args, _ctx, info) => info;
    case 'arg': {
      const type = argType(param.name);
      if (param.validateFn || !type) return null;
      const named = getNamedType(type);
      return isScalarType(named) || isEnumType(named) ? (_root, args) => args[param.name] : null;
    }
    default:
      return null;
  }
}

/** The direct resolver for a field, or null when type-graphql's wrapper has work to do for it. */
function directResolver(
  metadata: FieldResolverMetadata,
  fieldArgs: readonly { name: string; type: GraphQLInputType; extensions: Record<string, unknown> }[],
  wrapped: Resolve,
  instances: Map<Class, object>,
): Resolve | null {
  if (metadata.kind !== 'external' || metadata.roles !== undefined || (metadata.middlewares?.length ?? 0) > 0)
    return null;
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  const argType = (name: string) => fieldArgs.find((arg) => arg.name === name)?.type;
  const readers: ParamReader[] = [];
  for (const param of params) {
    const reader = paramReader(param, argType);
    if (!reader) return null;
    readers.push(reader);
  }
  let instance = instances.get(metadata.target);
  if (!instance) instances.set(metadata.target, (instance = new (metadata.target as new () => object)()));
  const method = (instance as Record<string, (...values: unknown[]) => unknown>)[metadata.methodName]!;
  // String and ID arguments get the text check every input gets (shared/graphql/validation.ts).
  const texts = fieldArgs.filter((arg) => {
    const named = getNamedType(arg.type);
    return isScalarType(named) && (named.name === 'String' || named.name === 'ID');
  });
  const directlyCalled: Resolve = (root, args, ctx, info) => {
    for (const text of texts) {
      const value = args[text.name];
      if (typeof value === 'string' && hasRefusedCharacter(value, text.extensions['multiLineText'] === true))
        throw new DomainError(textInputProblems(args, info));
    }
    const values = new Array<unknown>(readers.length);
    for (let i = 0; i < readers.length; i++) {
      const value = readers[i]!(root, args, ctx, info);
      if (value === NEEDS_CONVERSION) {
        convertedRoots++;
        return wrapped(root, args, ctx, info);
      }
      values[i] = value;
    }
    return method.apply(instance, values);
  };
  installed.add(directlyCalled);
  return directlyCalled;
}

const installed = new WeakSet<Resolve>();
let convertedRoots = 0;

/**
 * How many calls took type-graphql's path to have their root copied into its class: rows of a busy list
 * should be instances of the class their resolvers declare, or the resolvers should declare a plain type.
 */
export function rootConversions(): number {
  return convertedRoots;
}

/** Whether a field's resolve function is a decorated method called directly (for tests). */
export function isCalledDirectly(resolve: unknown): boolean {
  return typeof resolve === 'function' && installed.has(resolve as Resolve);
}

/**
 * Lets each field of the built schema whose @FieldResolver needs nothing of type-graphql's wrapper call
 * its method directly; returns the names of those fields ("Type.field").
 */
export function callFieldResolversDirectly(schema: GraphQLSchema, resolverClasses: readonly Class[]): string[] {
  const storage = getMetadataStorage();
  const typeNames = new Map(storage.objectTypes.map((type) => [type.target, type.name]));
  const instances = new Map<Class, object>();
  const direct: string[] = [];
  const seen = new Set<string>();
  for (const metadata of storage.fieldResolvers) {
    if (metadata.kind !== 'internal' && !resolverClasses.includes(metadata.target)) continue;
    const typeName = typeNames.get(metadata.getObjectType?.() as Class);
    const type = typeName ? schema.getType(typeName) : undefined;
    const key = `${typeName}.${metadata.schemaName}`;
    // The schema generator takes the first resolver declared for a field; so does this.
    if (!isObjectType(type) || seen.has(key)) continue;
    seen.add(key);
    const field = type.getFields()[metadata.schemaName];
    if (!field?.resolve) continue;
    const resolve = directResolver(metadata, field.args, field.resolve as Resolve, instances);
    if (!resolve) continue;
    field.resolve = resolve as typeof field.resolve;
    direct.push(key);
  }
  return direct;
}
