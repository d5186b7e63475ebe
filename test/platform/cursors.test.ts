import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import type { ApiScope } from '../../src/shared/viewer.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import * as hosting from '../hosting/fixtures.js';
import { LIST_ABNORMAL, LOG_FORWARDING } from '../hosting/helpers.js';
import { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser } from '../helpers/factories.js';
import { createEnterprise, publishDemand } from '../financing/helpers.js';
import { investorServicesCursorSamples } from '../investor-services/cursor-samples.js';
import { webhookCursorSamples } from '../webhooks/cursor-samples.js';

// Every connection of the schema, found by walking it (a new connection is covered without a new
// row here): a cursor a client crafted is BAD_USER_INPUT, never INTERNAL, and never reaches SQL as
// an operator or a value of the wrong type; a cursor the server handed out still turns the page.

const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));

interface ConnectionField {
  parent: string;
  field: GraphQLField<unknown, unknown>;
}

const connections: ConnectionField[] = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .filter((type) => !type.name.startsWith('__'))
  .flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => getNamedType(field.type).name.endsWith('Connection'))
      .map((field) => ({ parent: type.name, field })),
  );

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Cursors no server handed out: operators, wrong types, wrong lengths, not JSON, not base64url. */
const CRAFTED: Record<string, string> = {
  operators: base64url('[{"$gt":""},{"$ne":null}]'),
  operatorsInOne: base64url('[{"$ne":null}]'),
  nulls: base64url('[null,null]'),
  numbers: base64url('[1,2]'),
  badUuid: base64url('["2026-01-01T00:00:00.000Z","not-a-uuid"]'),
  badUuidAfterName: base64url('["青岛","not-a-uuid"]'),
  nested: base64url('[["a"],["b"]]'),
  object: base64url('{"id":"00000000-0000-4000-8000-000000000000"}'),
  tooLong: base64url(JSON.stringify(['x', 'y', 'z', 'w', 'v'])),
  notJson: base64url('not json'),
  notBase64: '!!!',
};

/** A value of a required argument's type that names nothing in particular. */
function sampleValue(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isScalarType(named)) {
    if (named.name === 'ID') return toGlobalId('Enterprise', randomUUID());
    if (named.name === 'Int') return 1;
    if (named.name === 'Boolean') return false;
    return 'x';
  }
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sampleValue(f.type)]),
    );
  }
  throw new Error(`no sample for ${String(type)}`);
}

function operationFor({ parent, field }: ConnectionField): { query: string; path: string[] } {
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.name !== 'after');
  const declared = required.map((a) => `, $${a.name}: ${String(a.type)}`).join('');
  const passed = required.map((a) => `, ${a.name}: $${a.name}`).join('');
  const selection = `${field.name}(first: 2, after: $after${passed}) { edges { cursor } pageInfo { endCursor } }`;
  if (parent === 'Query') {
    return { query: `query($after: String${declared}) { ${selection} }`, path: [field.name] };
  }
  return {
    query: `query($after: String, $parentId: ID!${declared}) { node(id: $parentId) { ... on ${parent} { ${selection} } } }`,
    path: ['node', field.name],
  };
}

let app: TestApp;
/** Who may read each connection: tried in turn until one is allowed. */
let viewers: { name: string; token: string | null }[];
/** An object of each type that carries a connection, visible to one of the viewers. */
const parents: Record<string, string> = {};

beforeAll(async () => {
  app = await TestApp.start();
  const applicant = await createUser(app, { role: 'APPLICANT' });
  const bankOrg = await createOrganisation(app, 'BANK');
  const bank = await createUser(app, { role: 'BANK_OFFICER', organisation: bankOrg });
  const registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  const tax = await createUser(app, { role: 'OFFICIAL', department: 'TAX' });
  const finance = await createUser(app, { role: 'OFFICIAL', department: 'FINANCE' });
  const admin = await createUser(app, { role: 'ADMIN' });
  const partner = await createApiKeyRow(app, {
    scopes: ['FINANCING_READ', 'REGISTRATION_READ', 'NAMES_READ', 'HOSTING_READ'] as ApiScope[],
    createdBy: admin.user,
  });
  const hostAgent = await createUser(app, { role: 'HOST_AGENT' });
  viewers = [
    { name: 'anonymous', token: null },
    { name: 'host agent', token: hostAgent.token },
    { name: 'applicant', token: applicant.token },
    { name: 'bank officer', token: bank.token },
    { name: 'registrar', token: registrar.token },
    { name: 'tax official', token: tax.token },
    { name: 'finance official', token: finance.token },
    { name: 'admin', token: admin.token },
    { name: 'partner', token: partner.secret },
  ];
  const enterprises = [await createEnterprise(app, applicant), await createEnterprise(app, applicant)];
  parents.Enterprise = toGlobalId('Enterprise', enterprises[0]!.id);
  parents.Bank = toGlobalId('Bank', bankOrg.id);
  const demandIds = [];
  for (let i = 0; i < 3; i++) demandIds.push(await publishDemand(app, applicant, parents.Enterprise));
  parents.FinancingDemand = demandIds[0]!;
  // A simplified-deregistration notice with objections, for its objections connection.
  const started = await app.execute(
    `mutation($input: StartSimplifiedDeregistrationNoticeInput!) { startSimplifiedDeregistrationNotice(input: $input) { notice { id } } }`,
    {
      input: {
        enterpriseId: parents.Enterprise,
        commitment: { termsVersion: 'SIMPLE-DEREG-2026.1', accepted: true, signatoryName: '王海川' },
      },
    },
    { token: applicant.token },
  );
  parents.SimplifiedDeregistrationNotice = (started.data as any).startSimplifiedDeregistrationNotice.notice.id;
  for (let i = 0; i < 3; i++) {
    await app.execute(
      `mutation($input: ObjectToSimplifiedDeregistrationInput!) { objectToSimplifiedDeregistration(input: $input) { userErrors { code } } }`,
      {
        input: {
          noticeId: parents.SimplifiedDeregistrationNotice,
          objectorName: '债权人',
          contact: '0532-1',
          reason: '欠款',
        },
      },
      { token: applicant.token },
    );
  }
  const investorServices = await investorServicesCursorSamples(app);
  viewers.push(investorServices.viewer);
  Object.assign(parents, investorServices.parents);
  const webhooks = await webhookCursorSamples(app);
  viewers.push(webhooks.viewer);
  Object.assign(parents, webhooks.parents);
  // A drawn inspection sample, for InspectionSample.inspections.
  const drawn = await app.execute(
    `mutation($input: DrawInspectionSampleInput!) { drawInspectionSample(input: $input) { sample { id } userErrors { message } } }`,
    { input: { confirmedFrom: '2025-01-01', confirmedTo: '2025-12-31', sampleSize: 2, inspectorsPerEnterprise: 1 } },
    { token: registrar.token },
  );
  parents.InspectionSample = (drawn.data as any).drawInspectionSample.sample.id;
  // Hosting: three of each list, so a page of two has a next page.
  const agent = { id: hostAgent.user.id, token: hostAgent.token };
  parents.Host = toGlobalId('Host', (await hosting.ensureVerifiedHost(app, agent.id)).id);
  for (let i = 0; i < 2; i++) await hosting.pendingHost(app, registrar);
  const reports = [];
  for (let i = 0; i < 3; i++) reports.push(await hosting.reportFixture(app, agent, applicant));
  for (const { reportId } of reports) {
    await app.execute(
      LIST_ABNORMAL,
      { input: { reportId, reason: '无法联系', authority: '青岛市市场监督管理局' } },
      { token: registrar.token },
    );
  }
  parents.HostingAgreement = reports[0]!.agreementId;
  for (let i = 0; i < 3; i++) {
    await app.execute(
      LOG_FORWARDING,
      {
        input: {
          enterpriseId: reports[0]!.enterpriseId,
          sender: `寄件人${i}`,
          kind: 'LETTER',
          receivedOn: '2026-11-25',
          forwardedOn: '2026-11-26',
        },
      },
      { token: hostAgent.token },
    );
  }
});
afterAll(async () => app?.stop());

function at(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key] ?? null, data);
}

/** The first viewer allowed to read the connection (a parent the viewer cannot see does not count). */
async function reader(connection: ConnectionField) {
  const { query, path } = operationFor(connection);
  const variables: Record<string, unknown> = { after: null, parentId: parents[connection.parent] };
  for (const arg of connection.field.args) {
    if (isNonNullType(arg.type) && arg.name !== 'after') variables[arg.name] = sampleValue(arg.type);
  }
  if (connection.parent !== 'Query' && !parents[connection.parent]) {
    throw new Error(`no ${connection.parent} to reach ${connection.parent}.${connection.field.name}: add one above`);
  }
  for (const viewer of viewers) {
    const result = await app.execute(query, variables, { token: viewer.token });
    if (!result.errors && at(result.data, path)) return { viewer, query, path, variables };
  }
  throw new Error(`no viewer may read ${connection.parent}.${connection.field.name}`);
}

describe('pagination cursors', () => {
  it('finds every connection of the schema', () => {
    expect(connections.length).toBeGreaterThanOrEqual(20);
  });

  it.each(connections.map((c) => [`${c.parent}.${c.field.name}`, c] as const))(
    '%s refuses a crafted cursor with BAD_USER_INPUT',
    async (_name, connection) => {
      const { viewer, query, variables } = await reader(connection);
      for (const [what, after] of Object.entries(CRAFTED)) {
        const result = await app.execute(query, { ...variables, after }, { token: viewer.token });
        expect({ what, codes: result.errors?.map((e) => e.extensions?.code) }).toEqual({
          what,
          codes: ['BAD_USER_INPUT'],
        });
        expect(JSON.stringify(result.errors)).not.toMatch(/uuid|syntax|select|\$gt/i);
      }
    },
  );

  it.each(connections.map((c) => [`${c.parent}.${c.field.name}`, c] as const))(
    '%s accepts the cursors it hands out',
    async (_name, connection) => {
      const { viewer, query, path, variables } = await reader(connection);
      const first = await app.execute(query, variables, { token: viewer.token });
      const cursors = [
        ...(at(first.data, path) as { edges: { cursor: string }[] }).edges.map((e) => e.cursor),
        (at(first.data, path) as { pageInfo: { endCursor: string | null } }).pageInfo.endCursor,
      ].filter((c): c is string => c !== null);
      for (const after of cursors) {
        const next = await app.execute(query, { ...variables, after }, { token: viewer.token });
        expect(next.errors).toBeUndefined();
      }
    },
  );
});
