import { GraphQLEnumType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/app/schema.js';
import { AuditAction, auditActionName } from '../../src/shared/audit/audit-actions.js';
import { createEventBus } from '../../src/shared/pubsub.js';

// AuditEvent.action is an enum derived from the stored codes ("registration.confirm" →
// REGISTRATION_CONFIRM); recordAudit's type only takes listed codes.

let values: readonly { name: string; value: unknown }[];
beforeAll(async () => {
  const schema = await buildApiSchema(createEventBus());
  values = (schema.getType('AuditAction') as GraphQLEnumType).getValues();
});

describe('AuditAction', () => {
  it('names a code in upper case, words and levels split by underscores', () => {
    expect(auditActionName('registration.commitmentTerms.publish')).toBe('REGISTRATION_COMMITMENT_TERMS_PUBLISH');
    expect(auditActionName('hosting.host.verified')).toBe('HOSTING_HOST_VERIFIED');
  });

  it('has one value per stored code, each mapping back to its code', () => {
    const codes = Object.values(AuditAction);
    expect(new Set(codes).size).toBe(codes.length);
    expect(values.map((v) => v.value).sort()).toEqual([...codes].sort());
    for (const v of values) expect(auditActionName(v.value as string)).toBe(v.name);
  });
});
