import 'reflect-metadata';
import { GraphQLSchema, execute, isObjectType, parse, type GraphQLObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext } from '../../src/app/context.js';
import { requestScope } from '../../src/app/request-scope.js';
import { buildApiSchema } from '../../src/app/schema.js';
import { Enterprise, EnterpriseType } from '../../src/modules/registration/index.js';
import {
  Reads,
  enterpriseFieldReads,
  enterpriseSummaryReader,
  summaryReader,
} from '../../src/modules/registration/enterprise-summaries.js';
import {
  declareReads,
  fieldReads,
  propertiesRead,
  type FieldReadsMetadata,
} from '../../src/shared/graphql/field-reads.js';
import { localIdOf } from '../../src/shared/ids.js';
import { localeFromAcceptLanguage } from '../../src/shared/messages.js';
import type { ApiScope } from '../../src/shared/viewer.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type TestUser } from '../helpers/factories.js';
import { publishDemand } from '../financing/helpers.js';
import { establish } from './helpers.js';

// Enterprise summaries (registration/enterprise-summaries.ts): what each Enterprise field reads comes
// from the type metadata, and a field answered from a summary answers exactly what it answers from the
// whole entity, for every viewer, a withheld name included.

let app: TestApp;
let schema: GraphQLSchema;
let agent: TestUser;
let stranger: TestUser;
let registrar: TestUser;
let finance: TestUser;
let bank: TestUser;
let partner: string;
let enterpriseId: string;

/**
 * A selection of each field a summary can answer. A field whose resolver declares what it reads must be
 * added here (the first test says so), so that its answers from a summary are compared below.
 */
const SELECTIONS: Record<string, string> = {
  id: 'id',
  uscc: 'uscc',
  name: 'name',
  nameParts: 'nameParts { administrativeDivision tradeName industry organisationForm }',
  kind: 'kind',
  foreignInvested: 'foreignInvested',
  district: 'district',
  zone: 'zone',
  industry: 'industry { code name }',
  registeredCapital: 'registeredCapital { amount currency }',
  legalRepresentative: 'legalRepresentative',
  establishedOn: 'establishedOn',
  deregisteredOn: 'deregisteredOn',
  status: 'status',
  nameChangeRequiredBy: 'nameChangeRequiredBy',
  licence: 'licence { number status facts { name uscc } }',
  changes: 'changes(first: 10) { totalCount edges { cursor node { kind items { item before after } } } }',
  registrationApplications: 'registrationApplications(first: 5) { totalCount edges { node { id status } } }',
  restrictions: 'restrictions(first: 5) { totalCount }',
  agents: 'agents { displayName isViewer }',
  agentInvitations: 'agentInvitations { email }',
  // Fields other modules add to Enterprise, with what they declare they read (EnterpriseReads).
  abnormalOperations: 'abnormalOperations(first: 5) { totalCount edges { node { listedOn reason } } }',
  hostedAddress: 'hostedAddress { id address }',
  hostingAgreements: 'hostingAgreements(first: 5) { totalCount edges { node { id } } }',
  revocation: 'revocation { id answerable }',
  financingDemands: 'financingDemands(first: 5) { totalCount edges { node { id status } } }',
  serviceCases: 'serviceCases(first: 5) { totalCount edges { node { id } } }',
};
const SELECTED = `__typename ${Object.values(SELECTIONS).join(' ')}`;

beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  schema = await buildApiSchema(app.deps.events);
  agent = await createUser(app);
  stranger = await createUser(app);
  registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  finance = await createUser(app, { role: 'OFFICIAL', department: 'FINANCE' });
  bank = await createUser(app, {
    role: 'BANK_OFFICER',
    organisation: await createOrganisation(app, 'BANK', '青岛摘要银行'),
  });
  const admin = await createUser(app, { role: 'ADMIN' });
  partner = (await createApiKeyRow(app, { scopes: ['FINANCING_READ'] as ApiScope[], createdBy: admin.user })).secret;
  // Established through the whole flow: a licence, an establishment in its history with the name.
  const established = await establish(app, agent, registrar, { industry: 'I65' });
  enterpriseId = established.enterprise.id;
  await publishDemand(app, agent, enterpriseId);
  // Its name withheld, as a special name found to rest on a false commitment leaves it (that flow:
  // withheld-name.test.ts): the public sees the credit code, its agent and the registry the name.
  const em = app.em();
  const enterprise = await em.findOneOrFail(Enterprise, { id: localIdOf(enterpriseId, 'Enterprise')! });
  enterprise.nameChangeRequiredBy = '2026-12-26';
  enterprise.nameParts = {
    administrativeDivision: '青岛',
    tradeName: '摘要',
    industry: '科技',
    organisationForm: '有限公司',
  };
  await em.flush();
});
afterAll(async () => app?.stop());

describe('what each Enterprise field reads', () => {
  it('is derived for every field of the built schema: its own property, what its resolver declares, or the whole entity', () => {
    const reads = enterpriseFieldReads();
    const type = schema.getType('Enterprise') as GraphQLObjectType;
    expect(isObjectType(type)).toBe(true);
    expect([...reads.keys()].sort()).toEqual(Object.keys(type.getFields()).sort());
    const properties = new Set(
      app.orm
        .getMetadata()
        .get<Enterprise>(Enterprise.name)
        .props.map((p) => p.name),
    );
    for (const [field, read] of reads)
      for (const property of read ?? []) expect(properties, `${field} reads ${property}`).toContain(property);
    // A change here is a reviewed diff: which fields a bank search can answer from its one statement.
    const whole = [...reads].filter(([, read]) => read === null).map(([field]) => field);
    expect(whole.sort()).toEqual(['declaration', 'registeredAddress']);
    // The other modules' Enterprise fields declare theirs too (EnterpriseReads from the registration index).
    expect(reads.get('financingDemands')).toEqual(['id', 'agentIds']);
    expect(reads.get('hostedAddress')).toEqual(['id']);
    expect(reads.get('name')).toEqual(['name', 'uscc', 'nameChangeRequiredBy', 'agentIds']);
    expect(reads.get('registeredCapital')).toEqual(['registeredCapitalFen']);
    expect(reads.get('kind')).toEqual(['kind']);
  });

  it('lets a summary answer every field that reads only summary columns, and each of them is compared below', async () => {
    const ctx = await contextOf(null);
    const servable = [...enterpriseFieldReads().keys()].filter((f) => enterpriseSummaryReader(ctx, new Set([f])));
    expect(servable.sort()).toEqual(Object.keys(SELECTIONS).sort());
    expect(enterpriseSummaryReader(ctx, new Set(['__typename', ...servable]))).not.toBeNull();
    // The business scope is a column of the entity, but long text that a summary leaves out.
    expect(enterpriseSummaryReader(ctx, new Set(['id', 'businessScope']))).toBeNull();
  });

  it('makes a field resolver without a declaration need the whole entity, so the reader is null', async () => {
    class ThrowawayEnterpriseResolver {}
    class DeclaredEnterpriseResolver {}
    declareReads(DeclaredEnterpriseResolver, 'shortName', ['name']);
    const real = getMetadataStorage();
    // A metadata set of its own: the real one plus two field resolvers no schema has.
    const metadata: FieldReadsMetadata = {
      fields: real.fields,
      fieldResolvers: [
        ...real.fieldResolvers,
        { target: ThrowawayEnterpriseResolver, methodName: 'extra', schemaName: 'extra', kind: 'external' },
        { target: DeclaredEnterpriseResolver, methodName: 'shortName', schemaName: 'short', kind: 'external' },
      ],
      resolverClasses: [
        ...real.resolverClasses,
        { target: ThrowawayEnterpriseResolver, getObjectType: () => EnterpriseType },
        { target: DeclaredEnterpriseResolver, getObjectType: () => EnterpriseType },
      ],
    };
    const reads = fieldReads(EnterpriseType, metadata);
    expect(reads.get('extra')).toBeNull();
    expect(reads.get('short')).toEqual(['name']);
    const meta = app.orm.getMetadata().get<Enterprise>(Enterprise.name);
    const platform = app.orm.em.getPlatform();
    expect(summaryReader(meta, platform, propertiesRead(reads, ['id', 'short']))).not.toBeNull();
    expect(propertiesRead(reads, ['id', 'name', 'extra'])).toBeNull();
    expect(summaryReader(meta, platform, propertiesRead(reads, ['id', 'name', 'extra']))).toBeNull();
    // The real metadata has neither field.
    expect(enterpriseFieldReads().has('extra')).toBe(false);
  });

  it('holds a resolver to what it declares (checked by the compiler: `npx tsc -p tsconfig.test.json`)', () => {
    class Undeclared {
      // @ts-expect-error — reads `uscc`, which the declaration does not name.
      @Reads('name')
      label(enterprise: Pick<Enterprise, 'name' | 'uscc'>): string {
        return `${enterprise.name} ${enterprise.uscc}`;
      }

      // @ts-expect-error — the whole entity is more than the declaration names.
      @Reads('id')
      whole(enterprise: Enterprise): string {
        return enterprise.declaration ? enterprise.id : '';
      }

      @Reads('name', 'uscc')
      declared(enterprise: Pick<Enterprise, 'name' | 'uscc'>, prefix: string): string {
        return `${prefix}${enterprise.name} ${enterprise.uscc}`;
      }
    }
    expect(new Undeclared().declared({ name: '青岛', uscc: null }, '')).toBe('青岛 null');
  });
});

async function contextOf(token: string | null) {
  return requestScope.run({ requestId: 'test-summaries', locale: localeFromAcceptLanguage(null) }, () =>
    createRequestContext(app.orm, app.deps, {
      authorization: token ? `Bearer ${token}` : null,
      acceptLanguage: null,
      ip: '127.0.0.1',
      requestId: 'test-summaries',
    }),
  );
}

async function query(token: string | null, document: string, variables: Record<string, unknown> = {}) {
  const result = await app.execute(document, variables, { token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as Record<string, any>;
}

/** The enterprise through `enterprise(id:)`: the whole entity, from the registration module's loader. */
async function fromEntity(token: string | null) {
  return (await query(token, `query($id: ID!) { enterprise(id: $id) { ${SELECTED} } }`, { id: enterpriseId }))
    .enterprise;
}

/** The enterprise's fields resolved on its summary, as the holder of `token`. */
async function fromSummary(token: string | null) {
  const ctx = await contextOf(token);
  const reader = enterpriseSummaryReader(ctx, new Set(['__typename', ...Object.keys(SELECTIONS)]))!;
  expect(reader).not.toBeNull();
  const [row] = await ctx.em.execute<Record<string, unknown>[]>(
    `select ${reader.columns('e', 'e_')} from "${reader.table}" e where e.id = ?`,
    [localIdOf(enterpriseId, 'Enterprise')],
  );
  const summary = reader.read(row!, 'e_');
  expect(Object.getPrototypeOf(summary)).toBe(Object.prototype);
  // The Enterprise type as the root of a schema of its own: its fields resolve on the summary alone.
  const rooted = new GraphQLSchema({ query: schema.getType('Enterprise') as GraphQLObjectType });
  const result = await requestScope.run(
    { requestId: 'test-summaries', locale: localeFromAcceptLanguage(null) },
    async () => execute({ schema: rooted, document: parse(`{ ${SELECTED} }`), rootValue: summary, contextValue: ctx }),
  );
  expect(result.errors).toBeUndefined();
  return JSON.parse(JSON.stringify(result.data));
}

/** The enterprise of its demand's row in the bank search, as the holder of `token`. */
async function fromBankSearch(token: string) {
  const data = await query(token, `{ financingDemands(first: 100) { edges { node { enterprise { ${SELECTED} } } } } }`);
  const rows = data.financingDemands.edges.filter((e: any) => e.node.enterprise.id === enterpriseId);
  expect(rows).toHaveLength(1);
  return rows[0].node.enterprise;
}

describe('an enterprise summary', () => {
  it('answers in the bank search what the whole entity answers, for a bank, officials and a partner', async () => {
    for (const token of [bank.token, registrar.token, finance.token, partner]) {
      expect(await fromBankSearch(token)).toEqual(await fromEntity(token));
    }
  });

  it('answers on its own what the whole entity answers, for its agent, another applicant, officials, a bank, a partner and anonymous', async () => {
    for (const token of [agent.token, stranger.token, registrar.token, finance.token, bank.token, partner, null]) {
      expect(await fromSummary(token)).toEqual(await fromEntity(token));
    }
  });

  it('withholds the name from the public and shows it to its agent and the registry, as the entity does', async () => {
    const registry = await fromBankSearch(registrar.token);
    expect(registry.name).not.toBe(registry.uscc);
    expect(registry.nameParts.tradeName).toBe('摘要');
    const publicView = await fromBankSearch(bank.token);
    expect(publicView.name).toBe(publicView.uscc);
    expect(publicView.nameParts.tradeName).toBeNull();
    expect(JSON.stringify(publicView)).not.toContain(registry.name);
    const own = await fromSummary(agent.token);
    expect(own.name).toBe(registry.name);
    expect(own.agents).toEqual([{ displayName: expect.any(String), isViewer: true }]);
    expect((await fromSummary(null)).name).toBe(publicView.uscc);
  });
});
