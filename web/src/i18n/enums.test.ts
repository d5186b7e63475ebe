import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

// Every value of an enum the client shows to people has a label in both languages, so a value
// added to the schema shows here first rather than as a raw code on a page.
const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '../../../schema/schema.graphql'), 'utf8'));

describe.each(Object.keys(zhCN.enums))('labels for %s', (enumName) => {
  const type = schema.getType(enumName);

  it('exist for every value in the schema, in Chinese and English', () => {
    expect(type, `${enumName} is not an enum of the schema`).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType)
      .getValues()
      .map((value) => value.name)
      .sort();
    const zh = (zhCN.enums as Record<string, Record<string, string>>)[enumName]!;
    const english = (en.enums as Record<string, Record<string, string>>)[enumName]!;
    expect(Object.keys(zh).sort()).toEqual(values);
    expect(Object.keys(english).sort()).toEqual(values);
  });
});
