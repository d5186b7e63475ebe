import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkOperationLimits } from '../../src/app/limits.js';

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

function costOf(query: string, variables: Record<string, unknown> = {}, maxCost = 1_000_000): number {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return checkOperationLimits(schema, document, operation, variables, maxCost, 'EN').cost;
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
