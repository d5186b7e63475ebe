import {
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  buildSchema,
  parse,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { INTROSPECTION_COST, checkOperationLimits } from '../../src/app/limits.js';

// The cost model (GitHub's): one point per connection page fetched, multiplied by the number of
// parents it is fetched for, which `first` (at most 100, default 20) bounds. Measured on a small
// schema with nested connections, which the foundation's own schema does not have yet.

const schema = buildSchema(`
  type Query { banks(first: Int, last: Int): BankConnection!  viewer: Viewer }
  type Viewer { name: String }
  type BankConnection { edges: [BankEdge!]!  totalCount: Int! }
  type BankEdge { node: Bank! }
  type Bank { name: String  offers(first: Int): OfferConnection! }
  type OfferConnection { edges: [OfferEdge!]! }
  type OfferEdge { node: Offer! }
  type Offer { amount: String  comments(first: Int): CommentConnection! }
  type CommentConnection { totalCount: Int! }
`);

function costOf(
  query: string,
  variables: Record<string, unknown> = {},
  maxCost = 1_000_000,
  on: GraphQLSchema = schema,
): number {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return checkOperationLimits(on, document, operation, variables, maxCost, 'EN').cost;
}

describe('the cost of an operation', () => {
  it('is 1 for a query without connections', () => {
    expect(costOf(`{ viewer { name } }`)).toBe(1);
  });

  it('is 1 for one connection page', () => {
    expect(costOf(`{ banks(first: 100) { totalCount } }`)).toBe(1);
  });

  it('adds a page of the inner connection for each parent the outer one may return', () => {
    expect(costOf(`{ banks(first: 100) { edges { node { offers(first: 10) { edges { node { amount } } } } } } }`)).toBe(
      101,
    );
  });

  it('multiplies along three levels', () => {
    const query = `{ banks(first: 10) { edges { node { offers(first: 10) { edges { node { comments(first: 5) { totalCount } } } } } } } }`;

    expect(costOf(query)).toBe(1 + 10 + 100);
  });

  it('reads first from a variable', () => {
    const query = `query($n: Int) { banks(first: $n) { edges { node { offers(first: 1) { edges { node { amount } } } } } } }`;

    expect(costOf(query, { n: 50 })).toBe(51);
  });

  it('counts a connection without first as the default page of 20', () => {
    expect(costOf(`{ banks { edges { node { offers { edges { node { amount } } } } } } }`)).toBe(21);
  });

  it('counts first above 100 as 100', () => {
    expect(costOf(`{ banks(first: 5000) { edges { node { offers(first: 1) { edges { node { amount } } } } } } }`)).toBe(
      101,
    );
  });

  it('uses last when first is absent', () => {
    expect(costOf(`{ banks(last: 30) { edges { node { offers(first: 1) { edges { node { amount } } } } } } }`)).toBe(
      31,
    );
  });

  it('refuses an operation above the limit with its cost', () => {
    const query = `{ banks(first: 100) { edges { node { offers(first: 100) { edges { node { amount } } } } } } }`;

    expect(() => costOf(query, {}, 100)).toThrowError(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', cost: 101, maxCost: 100 }),
      }),
    );
  });
});

describe('the cost of an operation, as graphql-js executes it', () => {
  const nested = `query($n: Int = 100) { banks(first: $n) { edges { node { offers(first: $n) { edges { node { amount } } } } } } }`;

  it('reads first from a variable default', () => {
    expect(costOf(nested)).toBe(101);
  });

  it('reads a variable given over its default', () => {
    expect(costOf(nested, { n: 3 })).toBe(4);
  });

  it('leaves out what @skip or @include leave out', () => {
    const query = `query($deep: Boolean = false) { banks(first: 100) { edges { node {
      offers(first: 100) @include(if: $deep) { edges { node { amount } } } } } } }`;

    expect(costOf(query)).toBe(1);
    expect(costOf(query, { deep: true })).toBe(101);
  });

  it('counts each page a fragment asks for wherever it is spread', () => {
    const query = `{ banks(first: 10) { edges { node { ...Offers } } } }
      fragment Offers on Bank { offers(first: 10) { edges { node { ...Comments } } } }
      fragment Comments on Offer { comments(first: 5) { totalCount } }`;

    expect(costOf(query)).toBe(1 + 10 + 100);
  });

  it('refuses fragments that spread one another into too many fields', () => {
    // Each fragment spreads the next twice: 2^16 spreads of the last from a document of 300 tokens.
    const fragments = Array.from(
      { length: 16 },
      (_, i) => `fragment F${i} on Query { viewer { name } ...F${i + 1} ...F${i + 1} }`,
    );
    const query = `{ ...F0 } ${fragments.join(' ')} fragment F16 on Query { viewer { name } }`;

    expect(() => costOf(query)).toThrowError(
      expect.objectContaining({
        message: 'The query selects too many fields once its fragments are spread (at most 10000).',
        extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }),
      }),
    );
  });
});

describe('a declared cost', () => {
  const Item = new GraphQLObjectType({ name: 'Item', fields: { name: { type: GraphQLString } } });
  const ItemConnection = new GraphQLObjectType({
    name: 'ItemConnection',
    fields: { nodes: { type: Item }, totalCount: { type: GraphQLInt } },
  });
  const declared = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        check: { type: GraphQLString, extensions: { complexity: 7 } },
        search: { type: ItemConnection, args: { first: { type: GraphQLInt } }, extensions: { complexity: 3 } },
      },
    }),
  });

  it('is added once for each field that declares it', () => {
    expect(costOf(`{ a: check b: check }`, {}, 1_000_000, declared)).toBe(14);
  });

  it('replaces the point of a connection page', () => {
    expect(costOf(`{ search(first: 50) { totalCount } }`, {}, 1_000_000, declared)).toBe(3);
  });
});

describe('introspection', () => {
  it('costs a fixed price for the schema', () => {
    expect(costOf(`{ __schema { types { name fields { name type { name ofType { name } } } } } }`)).toBe(
      INTROSPECTION_COST,
    );
  });

  it('is left out of the depth rule', () => {
    const ofTypes = 'ofType { '.repeat(20) + 'name' + ' }'.repeat(20);

    expect(() => costOf(`{ __type(name: "Bank") { fields { type { ${ofTypes} } } } }`)).not.toThrow();
  });
});
