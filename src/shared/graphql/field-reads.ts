import { getMetadataStorage } from 'type-graphql';

// What each field of an object type reads of the object it resolves on, derived from the type-graphql
// metadata instead of kept by hand beside the resolvers: a module that serves a hot type from SQL rows
// (one read model per hot entity) selects the columns of exactly what the fields of a query read.
//
// A field declared with @Field and no resolver reads the property of its name (type-graphql's own
// resolver does just that). A field resolver reads what its @Reads declaration names; one without a
// declaration may read anything, so it needs the whole object.

// type-graphql's metadata classes are not all exported: the parts read here, by shape.
export interface FieldReadsMetadata {
  fields: readonly { target: object; name: string; schemaName: string }[];
  fieldResolvers: readonly { target: object; methodName: string; schemaName: string; kind: 'internal' | 'external' }[];
  resolverClasses: readonly { target: object; getObjectType: () => unknown }[];
}

/** Field name → the properties it reads, or null when it needs the whole object. */
export type FieldReads = ReadonlyMap<string, readonly string[] | null>;

/** Resolver class → method → the properties it reads: the one map every declaration goes to. */
const declared = new Map<object, Map<string, readonly string[]>>();
let declarations = 0;

/** Declares what a field resolver method reads, for a resolver class made by a helper (where no decorator fits). */
export function declareReads(resolverClass: object, method: string, properties: readonly string[]): void {
  let methods = declared.get(resolverClass);
  if (!methods) declared.set(resolverClass, (methods = new Map()));
  methods.set(method, [...properties]);
  declarations++;
}

/**
 * A decorator factory for the field resolvers of one entity: `@Reads('name', 'uscc')` declares that the
 * resolver reads those properties of its root, and TypeScript holds it to that: the root parameter
 * (the first) must accept a `Pick<T, …>` of just those, so a resolver reading anything else does not compile.
 */
export function readsOf<T>() {
  return function Reads<const K extends keyof T & string>(...properties: K[]) {
    return <F extends (root: Pick<T, K>, ...rest: never[]) => unknown>(
      prototype: object,
      method: string,
      _descriptor: TypedPropertyDescriptor<F>,
    ): void => declareReads(prototype.constructor, method, properties);
  };
}

/** A number that changes whenever metadata or declarations are added: a cache of a derivation keys on it. */
export function fieldReadsVersion(metadata: FieldReadsMetadata = getMetadataStorage()): string {
  return `${metadata.fields.length}/${metadata.fieldResolvers.length}/${declarations}`;
}

/** The classes whose fields an object type has: itself, then the classes it extends (an interface's `id`). */
function lineage(objectType: object): object[] {
  const chain: object[] = [];
  for (let c: object | null = objectType; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c);
  return chain;
}

/** What each field of `objectType` reads (see the top of this file). */
export function fieldReads(objectType: object, metadata: FieldReadsMetadata = getMetadataStorage()): FieldReads {
  // From the furthest ancestor down, so a field declared again takes the nearest class's declaration.
  const chain = lineage(objectType).reverse();
  // Only the classes that hold field resolvers: a class of queries alone (`@Resolver()`) has no object type to ask for.
  const holders = new Set(metadata.fieldResolvers.filter((r) => r.kind === 'external').map((r) => r.target));
  const resolverTypes = new Map<object, unknown>();
  for (const resolver of metadata.resolverClasses)
    if (holders.has(resolver.target)) resolverTypes.set(resolver.target, resolver.getObjectType());
  const reads = new Map<string, readonly string[] | null>();
  for (const target of chain) {
    for (const field of metadata.fields) if (field.target === target) reads.set(field.schemaName, [field.name]);
  }
  for (const target of chain) {
    for (const resolver of metadata.fieldResolvers) {
      const type = resolver.kind === 'internal' ? resolver.target : resolverTypes.get(resolver.target);
      if (type !== target) continue;
      reads.set(resolver.schemaName, declared.get(resolver.target)?.get(resolver.methodName) ?? null);
    }
  }
  return reads;
}

/** The properties a selection of fields reads, or null when one of them needs the whole object. */
export function propertiesRead(reads: FieldReads, fields: Iterable<string>): Set<string> | null {
  const properties = new Set<string>();
  for (const field of fields) {
    // Introspection (__typename) reads nothing of the object.
    if (field.startsWith('__')) continue;
    const read = reads.get(field);
    if (!read) return null;
    for (const property of read) properties.add(property);
  }
  return properties;
}
