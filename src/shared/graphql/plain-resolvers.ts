import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import type { RequestContext } from '../context.js';

// type-graphql wraps every field resolver: middlewares, parameter conversion, and argument validation
// through promises. For a field resolved hundreds of times per request (a 50-row page, each row with
// its nested objects) that wrapping costs more than the work. A module may register a plain graphql-js
// resolver for such a field; the type-graphql declaration still defines the field (type, arguments,
// description), and the plain resolver replaces only its `resolve` once the schema is built. Only for
// fields without @Authorized or validated inputs: nothing of type-graphql runs for them.

// The source and arguments are whatever the field's parent type and declaration say; each resolver narrows them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PlainResolver = GraphQLFieldResolver<any, RequestContext, any>;

const registry: { type: string; field: string; resolve: PlainResolver }[] = [];

export function registerPlainResolver(type: string, field: string, resolve: PlainResolver): void {
  registry.push({ type, field, resolve });
}

/** Installs the registered resolvers on a built schema; a field that does not exist is a programming error. */
export function applyPlainResolvers(schema: GraphQLSchema): void {
  for (const { type, field, resolve } of registry) {
    const objectType = schema.getType(type);
    const definition = isObjectType(objectType) ? objectType.getFields()[field] : undefined;
    if (!definition) throw new Error(`plain resolver for ${type}.${field}: no such field`);
    definition.resolve = resolve;
  }
}
