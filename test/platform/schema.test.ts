import { readFile } from 'node:fs/promises';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { printApiSchema } from '../../src/app/print-schema.js';
import { buildApiSchema } from '../../src/app/schema.js';
import { registeredNodeTypeNames } from '../../src/shared/graphql/node.js';
import { createEventBus } from '../../src/shared/pubsub.js';

// schema/schema.graphql is the partners' manual and the web client's codegen input: it must be what
// the code builds, and every part of it must say what it is.

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildApiSchema(createEventBus());
});

describe('schema/schema.graphql', () => {
  it('is what the code builds', async () => {
    const committed = await readFile('schema/schema.graphql', 'utf8');

    const built = await printApiSchema();

    expect(
      built === committed,
      'schema/schema.graphql is stale: run `npm run build:server` and commit the file it writes',
    ).toBe(true);
  });
});

/** Every element of the schema without a description, as "Type", "Type.field", "Type.field(arg)", "Enum.VALUE". */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (text: string | null | undefined) => !text || text.trim() === '';
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
      }
    } else if (isUnionType(type)) {
      // A union has no parts of its own beyond its description.
    }
  }
  return missing.sort();
}

describe('the schema', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('names in each operation description who may call it', () => {
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const silent = roots.flatMap((root) =>
      Object.values(root?.getFields() ?? {})
        .filter((field) => !/\b(Public|Roles?:|signed-in)/i.test(field.description ?? ''))
        .map((field) => `${root!.name}.${field.name}`),
    );

    expect(silent).toEqual([]);
  });

  it('has an object type implementing Node for every node type the modules register', () => {
    const node = schema.getType('Node');
    const missing = registeredNodeTypeNames().filter((name) => {
      const type = schema.getType(name);
      return !isObjectType(type) || !type.getInterfaces().some((i) => i === node);
    });

    expect(missing).toEqual([]);
  });
});

describe('the printed schema', () => {
  it('opens with the limits every client can rely on', async () => {
    const printed = await printApiSchema();
    const header = printed.split('\n\n')[0]!;

    expect(header.startsWith('"""\nQingdao Enterprise Services API.')).toBe(true);
    expect(header).toContain('Authorization: Bearer');
    expect(header).toContain('`first` at most 100');
    expect(header).toContain('depth at most 12');
    expect(header).toContain('at most 50 aliases of one field');
    expect(header).toContain('request body at most 1 MB');
    expect(header).toContain('no batched requests');
  });
});
