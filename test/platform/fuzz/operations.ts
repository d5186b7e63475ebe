import fc from 'fast-check';
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { scalarValue, type FuzzWorld } from './values.js';

// Operations generated from the schema: a root field of Query or Mutation, its arguments from their
// input types (as variables or inline literals), and a random selection set below it, a few levels
// deep, sometimes aliased, with inline fragments on abstract types. Now and then the text is cut
// short, so the parser meets garbage too.

export interface FuzzOperation {
  /** Who sends it: a key of the tokens the test holds ("anonymous" sends none). */
  viewer: string;
  root: string;
  query: string;
  variables: Record<string, unknown>;
}

/** How deep selections go below the root field: the depth limit is 12, most clients stay far below. */
const MAX_SELECTION_DEPTH = 4;
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Marks an argument left out, so an object of present fields can be built from a tuple. */
const ABSENT = Symbol('absent');

export class OperationGenerator {
  private readonly selections = new Map<string, fc.Arbitrary<string>>();
  private readonly inputs = new Map<string, fc.Arbitrary<unknown>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly world: FuzzWorld,
  ) {}

  operation(viewers: string[]): fc.Arbitrary<FuzzOperation> {
    const roots = (['query', 'mutation'] as const).flatMap((kind) => {
      const type = kind === 'query' ? this.schema.getQueryType() : this.schema.getMutationType();
      return type ? Object.values(type.getFields()).map((field) => ({ kind, field })) : [];
    });
    const whole = fc
      .tuple(fc.constantFrom(...viewers), fc.constantFrom(...roots))
      .chain(([viewer, { kind, field }]) =>
        fc.tuple(
          fc.constant(viewer),
          fc.constant(kind),
          fc.constant(field),
          this.rootArguments(field),
          this.selectionFor(field, 1),
        ),
      )
      .map(([viewer, kind, field, args, selection]) => {
        const declarations = args.declarations.length > 0 ? `(${args.declarations.join(', ')})` : '';
        return {
          viewer,
          root: `${kind}.${field.name}`,
          query: `${kind} Fuzz${declarations} { ${field.name}${args.text}${selection} }`,
          variables: args.variables,
        };
      });
    return fc.oneof(
      { weight: 30, arbitrary: whole },
      {
        weight: 1,
        arbitrary: fc.tuple(whole, fc.nat()).map(([operation, cut]) => ({
          ...operation,
          query: operation.query.slice(0, cut % (operation.query.length + 1)),
        })),
      },
    );
  }

  /** The root field's arguments: most as variables (the way clients send input), some inline. */
  private rootArguments(
    field: GraphQLField<unknown, unknown>,
  ): fc.Arbitrary<{ text: string; declarations: string[]; variables: Record<string, unknown> }> {
    const parts = field.args.map((arg) => fc.tuple(this.maybeArgument(arg), fc.boolean(), fc.constant(arg)));
    return fc.tuple(...parts).map((chosen) => {
      const inline: string[] = [];
      const declarations: string[] = [];
      const variables: Record<string, unknown> = {};
      for (const [value, asVariable, arg] of chosen) {
        if (value === ABSENT) continue;
        if (asVariable) {
          declarations.push(`$${arg.name}: ${String(arg.type)}`);
          inline.push(`${arg.name}: $${arg.name}`);
          variables[arg.name] = value;
        } else {
          inline.push(`${arg.name}: ${literal(value, arg.type)}`);
        }
      }
      return { text: inline.length > 0 ? `(${inline.join(', ')})` : '', declarations, variables };
    });
  }

  /** A required argument is nearly always there, an optional one half the time. */
  private maybeArgument(arg: GraphQLArgument): fc.Arbitrary<unknown> {
    const value = this.value(arg.type, arg.name, 0);
    return isNonNullType(arg.type)
      ? fc.oneof({ weight: 30, arbitrary: value }, { weight: 1, arbitrary: fc.constant(ABSENT) })
      : fc.oneof(value, fc.constant(ABSENT));
  }

  private value(type: GraphQLInputType, name: string, depth: number): fc.Arbitrary<unknown> {
    const key = `${String(type)}|${name}|${depth}`;
    let arbitrary = this.inputs.get(key);
    if (!arbitrary) {
      arbitrary = fc.constant(null).chain(() => this.buildValue(type, name, depth));
      this.inputs.set(key, arbitrary);
    }
    return arbitrary;
  }

  private buildValue(type: GraphQLInputType, name: string, depth: number): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) {
      return fc.oneof(
        { weight: 25, arbitrary: this.value(type.ofType, name, depth) },
        { weight: 1, arbitrary: fc.constant(null) },
      );
    }
    if (isListType(type)) {
      const item = this.value(type.ofType, name, depth + 1);
      return fc.oneof(
        { weight: 8, arbitrary: fc.array(item, { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.array(item, { minLength: 99, maxLength: 130 }) },
        { weight: 1, arbitrary: item },
      );
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...values) },
        { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', '', values[0]!.toLowerCase(), 1, '__proto__') },
      );
    }
    if (isInputObjectType(type)) {
      if (depth > 4) return fc.constant({});
      const fields = Object.values(type.getFields()).map((field) =>
        fc.tuple(
          fc.constant(field.name),
          isNonNullType(field.type)
            ? fc.oneof(
                { weight: 20, arbitrary: this.value(field.type, field.name, depth + 1) },
                { weight: 1, arbitrary: fc.constant(ABSENT) },
              )
            : fc.oneof(this.value(field.type, field.name, depth + 1), fc.constant(ABSENT)),
        ),
      );
      return fc.tuple(fc.tuple(...fields), fc.nat({ max: 30 })).map(([entries, extra]) => {
        const object: Record<string, unknown> = {};
        for (const [fieldName, value] of entries) if (value !== ABSENT) object[fieldName] = value;
        if (extra === 0) object.notAField = 'x';
        return object;
      });
    }
    if (isLeafType(type)) return scalarValue(type.name, name, this.world);
    return fc.constant(null);
  }

  /** The selection set of a field (empty for a leaf), its nested arguments inline. */
  private selectionFor(field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<string> {
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) return fc.constant('');
    return this.selection(named, depth);
  }

  private selection(type: GraphQLCompositeType, depth: number): fc.Arbitrary<string> {
    const key = `${type.name}|${depth}`;
    let arbitrary = this.selections.get(key);
    if (!arbitrary) {
      arbitrary = fc.constant(null).chain(() => this.buildSelection(type, depth));
      this.selections.set(key, arbitrary);
    }
    return arbitrary;
  }

  private buildSelection(type: GraphQLCompositeType, depth: number): fc.Arbitrary<string> {
    if (depth > MAX_SELECTION_DEPTH) return fc.constant(' { __typename }');
    const fragments = isUnionType(type) || isInterfaceType(type) ? this.schema.getPossibleTypes(type) : [];
    const fragment =
      fragments.length > 0
        ? fc.oneof(
            fc.constant(''),
            fc
              .constantFrom(...fragments)
              .chain((possible) =>
                this.selection(possible, depth + 1).map((inner) => ` ... on ${possible.name}${inner}`),
              ),
          )
        : fc.constant('');
    if (isUnionType(type)) return fragment.map((inner) => ` { __typename${inner} }`);
    const fields = Object.values(type.getFields());
    const picked = fc
      .subarray(fields, { minLength: 1, maxLength: Math.min(4, fields.length) })
      .chain((chosen) => fc.tuple(...chosen.map((field, index) => this.fieldSelection(field, depth, index))));
    return fc.tuple(picked, fragment).map(([parts, inner]) => ` { ${parts.join(' ')}${inner} }`);
  }

  private fieldSelection(field: GraphQLField<unknown, unknown>, depth: number, index: number): fc.Arbitrary<string> {
    const args = field.args.map((arg) => this.maybeArgument(arg).map((value) => [arg, value] as const));
    return fc
      .tuple(fc.tuple(...args), fc.nat({ max: 9 }), this.selectionFor(field, depth + 1))
      .map(([values, aliasDie, selection]) => {
        const inline = values
          .filter(([, value]) => value !== ABSENT)
          .map(([arg, value]) => `${arg.name}: ${literal(value, arg.type)}`);
        const alias = aliasDie === 0 ? `a${index}_${depth}: ` : '';
        return `${alias}${field.name}${inline.length > 0 ? `(${inline.join(', ')})` : ''}${selection}`;
      });
  }
}

/** A JS value as a GraphQL literal; enum values bare where they are names, as the grammar wants. */
export function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const item = isListType(type)
      ? type.ofType
      : isNonNullType(type) && isListType(type.ofType)
        ? type.ofType.ofType
        : type;
    return `[${value.map((v) => literal(v, item)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([name, v]) => `${name}: ${literal(v, fields[name]?.type ?? named)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  if (isEnumType(named) && typeof value === 'string' && NAME.test(value)) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
