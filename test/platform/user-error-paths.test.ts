import { buildSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { namesFieldOf, namesInputValue } from '../../src/shared/graphql/user-error-paths.js';

// UserError.field is the path of an input value as the client wrote it ("input" first). The check
// that MutationWithPayload runs on every refused mutation, on a small schema of its own.

const schema = buildSchema(/* GraphQL */ `
  input MoneyInput {
    amount: String!
  }
  input InvestorInput {
    name: String
    capital: MoneyInput
  }
  input DeclarationInput {
    investors: [InvestorInput!]
    businessScope: String
  }
  input SaveDraftInput {
    declaration: DeclarationInput
  }
  input SubmitInput {
    id: ID!
    ids: [ID!]
  }
  type Query {
    ok: Boolean
  }
  type Mutation {
    submit(input: SubmitInput!): Boolean
  }
`);
const args = (schema.getType('Mutation') as GraphQLObjectType).getFields().submit!.args;
const saveArgs = [{ ...args[0]!, type: schema.getType('SaveDraftInput') as never }];

describe('namesInputValue', () => {
  it.each([[['input']], [['input', 'id']], [['input', 'ids']], [['input', 'ids', '3']]])('accepts %j', (path) => {
    expect(namesInputValue(args, path)).toBe(true);
  });

  it.each([
    [['id'], 'no argument name first'],
    [['input', 'email'], 'a field the input does not have'],
    [['input', 'ids', 'first'], 'a list entered by a name'],
    [['input', 'id', 'value'], 'a path going on below a scalar'],
  ])('refuses %j: %s', (path) => {
    expect(namesInputValue(args, path)).toBe(false);
  });

  it('follows nested input objects and list indexes', () => {
    expect(namesInputValue(saveArgs, ['input', 'declaration', 'investors', '0', 'capital', 'amount'])).toBe(true);
    expect(namesInputValue(saveArgs, ['input', 'declaration', 'investors', '0', 'idNumber'])).toBe(false);
  });
});

describe('namesFieldOf (a submission naming the fields of the saved draft)', () => {
  it('accepts a path under "input" into the named input type, nothing else', () => {
    expect(namesFieldOf(schema, 'SaveDraftInput', ['input', 'declaration', 'businessScope'])).toBe(true);
    expect(namesFieldOf(schema, 'SaveDraftInput', ['declaration', 'businessScope'])).toBe(false);
    expect(namesFieldOf(schema, 'SaveDraftInput', ['input', 'declaration', 'name'])).toBe(false);
    expect(namesFieldOf(schema, 'NoSuchInput', ['input', 'declaration'])).toBe(false);
  });
});
