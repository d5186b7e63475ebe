import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { createRequestContext } from '../../src/app/context.js';
import { fromGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { reserveName } from '../../src/modules/names/reservations.service.js';
import type { NameReservation } from '../../src/modules/names/index.js';
import { CommitmentTerms } from '../../src/modules/names/names.entity.js';
import { currentUndertakingInput } from '../names/helpers.js';
import type { TestApp } from '../helpers/app.js';
import type { TestUser } from '../helpers/factories.js';

// What the registration tests share: valid declarations, name reservations made through the names
// module, and the documents of the registration API.

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident ID card number with a correct check character (area 370211, the given birth day and sequence). */
export function residentId(birth = '19850101', sequence = '123'): string {
  const first17 = `370211${birth}${sequence}`;
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * RESIDENT_ID_WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

const TRADE_NAME_CHARACTERS = '瑞祥泰丰德源鑫宏博嘉盛恒益澜岳朗晟钧琪璟煜骏';

/** A trade name unlikely to clash with another test's. */
export function tradeName(): string {
  let name = '';
  for (let i = 0; i < 3; i++) name += TRADE_NAME_CHARACTERS[randomInt(TRADE_NAME_CHARACTERS.length)];
  return name;
}

export interface ReservationOptions {
  district?: NameReservation['district'];
  kind?: NameReservation['kind'];
  industry?: string | null;
  foreignInvested?: boolean;
  name?: string;
  /** Give the written commitment a special name needs, on the current terms. */
  commitment?: boolean;
}

/** Reserves a name for the applicant through the names module, as reserveEnterpriseName would. */
export async function reserve(
  app: TestApp,
  applicant: TestUser,
  options: ReservationOptions = {},
): Promise<NameReservation> {
  for (let attempt = 0; ; attempt++) {
    const ctx = await createRequestContext(app.orm, app.deps, {
      authorization: `Bearer ${applicant.token}`,
      acceptLanguage: 'zh-CN',
      ip: '127.0.0.1',
    });
    const terms = options.commitment
      ? (await app.em().find(CommitmentTerms, {}, { orderBy: { version: 'desc' }, limit: 1 }))[0]!
      : null;
    try {
      return await reserveName(ctx, applicant.user.id, {
        name: options.name ?? `青岛${tradeName()}信息技术有限公司`,
        district: options.district ?? 'HUANGDAO',
        industry: options.industry === undefined ? 'I65' : options.industry,
        kind: options.kind ?? 'LIMITED_LIABILITY_COMPANY',
        foreignInvested: options.foreignInvested ?? false,
        priorApprovalRequired: false,
        commitment: terms ? { termsVersion: terms.version, accepted: true, signatoryName: '王海川' } : null,
        similarNameUndertaking: await currentUndertakingInput(app),
      });
    } catch (error) {
      if (options.name || attempt > 5) throw error;
    }
  }
}

export function gid(type: string, id: string): string {
  return toGlobalId(type, id);
}

export function localId(globalId: string): string {
  return fromGlobalId(globalId)!.id;
}

/** A complete establishment declaration of a limited liability company in the FTZ. */
export function declaration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'LIMITED_LIABILITY_COMPANY',
    industry: 'I65',
    foreignInvested: false,
    businessScope: '软件开发；信息技术咨询服务；数据处理和存储支持服务',
    registeredAddress: {
      district: 'HUANGDAO',
      zone: 'QINGDAO_FTZ',
      address: '青岛市黄岛区前湾港路 1 号',
      postalCode: '266555',
    },
    registeredCapital: { amount: '1000000.00' },
    legalRepresentative: {
      name: '王海川',
      idType: 'RESIDENT_ID_CARD',
      idNumber: residentId(),
      nationality: 'CN',
      phone: '13800000000',
    },
    investors: [
      {
        kind: 'NATURAL_PERSON',
        name: '王海川',
        idType: 'RESIDENT_ID_CARD',
        idNumber: residentId(),
        country: 'CN',
        subscribedCapital: { amount: '600000.00' },
        contributionForm: 'CURRENCY',
        subscribedBy: '2031-12-31',
      },
      {
        kind: 'ENTERPRISE',
        name: '青岛港湾投资有限公司',
        registrationNumber: '914403001922038216',
        country: 'CN',
        subscribedCapital: { amount: '400000.00' },
        contributionForm: 'CURRENCY',
      },
    ],
    articlesOfAssociation: {
      adoptedOn: '2026-09-01',
      text: '第一条 为规范公司的组织和行为，根据《中华人民共和国公司法》制定本章程。',
    },
    operatingTerm: { longTerm: true },
    officers: [
      { name: '王海川', position: 'EXECUTIVE_DIRECTOR', idType: 'RESIDENT_ID_CARD', idNumber: residentId() },
      { name: '李清', position: 'SUPERVISOR', idType: 'RESIDENT_ID_CARD', idNumber: residentId('19900215', '456') },
    ],
    liaison: { name: '张联络', phone: '0532-88888888', email: 'liaison@example.cn' },
    ...overrides,
  };
}

export const COMMITMENT = { termsVersion: 'REG-2026.1', accepted: true, signatoryName: '王海川' };
export const DEREG_COMMITMENT = { termsVersion: 'DEREG-2026.1', accepted: true, signatoryName: '王海川' };

export const APPLICATION_FIELDS = /* GraphQL */ `
  id number kind status submittedAt receivedOn decideBy complete reviewReasons overdue extendedAt extensionReason
  decidedAt decisionNote rejectionReasons
  declaration { name kind industry { code name } registeredCapital { amount currency } businessScope registeredAddress { district zone address } }
  enterprise { id uscc name status }
  correctionNotice { round items { field message } }
  clearances { department status note recordedByName }
`;

export const SAVE = /* GraphQL */ `
  mutation Save($input: SaveRegistrationDraftInput!) {
    saveRegistrationDraft(input: $input) { application { ${APPLICATION_FIELDS} } userErrors { code field message } }
  }
`;
export const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRegistrationApplicationInput!) {
    submitRegistrationApplication(input: $input) { application { ${APPLICATION_FIELDS} } userErrors { code field message } }
  }
`;
export const WITHDRAW = /* GraphQL */ `
  mutation Withdraw($input: WithdrawRegistrationApplicationInput!) {
    withdrawRegistrationApplication(input: $input) {
      application {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
export const CONFIRM = /* GraphQL */ `
  mutation Confirm($input: ConfirmRegistrationApplicationInput!) {
    confirmRegistrationApplication(input: $input) { application { ${APPLICATION_FIELDS} } userErrors { code field message } }
  }
`;
export const CORRECT = /* GraphQL */ `
  mutation Correct($input: RequestRegistrationCorrectionInput!) {
    requestRegistrationCorrection(input: $input) { application { ${APPLICATION_FIELDS} } userErrors { code field message } }
  }
`;
export const REJECT = /* GraphQL */ `
  mutation Reject($input: RejectRegistrationApplicationInput!) {
    rejectRegistrationApplication(input: $input) {
      application {
        id
        status
        rejectionReasons
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
export const EXTEND = /* GraphQL */ `
  mutation Extend($input: ExtendRegistrationReviewInput!) {
    extendRegistrationReview(input: $input) {
      application {
        id
        status
        decideBy
        extendedAt
        extensionReason
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
export const APPROVE_EXTENSION = /* GraphQL */ `
  mutation ApproveExtension($input: ApproveRegistrationReviewExtensionInput!) {
    approveRegistrationReviewExtension(input: $input) {
      application {
        id
        status
        decideBy
        extendedAt
        extensionRequestedAt
        extensionReason
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

export const CLEAR = /* GraphQL */ `
  mutation Clear($input: RecordDeregistrationClearanceInput!) {
    recordDeregistrationClearance(input: $input) { application { ${APPLICATION_FIELDS} } userErrors { code field message } }
  }
`;

export interface Session {
  app: TestApp;
}

/** Runs an operation as `user` and fails the test on top-level errors. */
export async function run(
  app: TestApp,
  query: string,
  variables: Record<string, unknown>,
  user?: TestUser | null,
  language?: string,
) {
  const result = await app.execute(query, variables, { token: user?.token ?? null, language });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as Record<string, any>;
}

/** The payload of the single mutation in `data`. */
export function payloadOf(data: Record<string, any>): {
  application: any;
  userErrors: { code: string; field: string[] | null; message: string }[];
} {
  return Object.values(data)[0];
}

/** A draft establishment with a fresh reservation; returns the application's global id. */
export async function draftEstablishment(
  app: TestApp,
  applicant: TestUser,
  overrides: Record<string, unknown> = {},
  reservationOptions: ReservationOptions = {},
): Promise<{ id: string; reservation: NameReservation }> {
  const reservation = await reserve(app, applicant, reservationOptions);
  const data = await run(
    app,
    SAVE,
    {
      input: {
        kind: 'ESTABLISHMENT',
        nameReservationId: gid('NameReservation', reservation.id),
        declaration: declaration(overrides),
      },
    },
    applicant,
  );
  const payload = payloadOf(data);
  expect(payload.userErrors).toEqual([]);
  return { id: payload.application.id, reservation };
}

export async function submitted(
  app: TestApp,
  applicant: TestUser,
  overrides: Record<string, unknown> = {},
  reservationOptions: ReservationOptions = {},
) {
  const draft = await draftEstablishment(app, applicant, overrides, reservationOptions);
  const payload = payloadOf(await run(app, SUBMIT, { input: { id: draft.id, commitment: COMMITMENT } }, applicant));
  expect(payload.userErrors).toEqual([]);
  return { ...draft, application: payload.application };
}

/** An enterprise established through the whole flow; returns the confirmed application. */
export async function establish(
  app: TestApp,
  applicant: TestUser,
  official: TestUser,
  overrides: Record<string, unknown> = {},
  reservationOptions: ReservationOptions = {},
) {
  const { id } = await submitted(app, applicant, overrides, reservationOptions);
  const payload = payloadOf(await run(app, CONFIRM, { input: { id, note: '材料齐全，予以确认。' } }, official));
  expect(payload.userErrors).toEqual([]);
  return payload.application;
}

/** Row counts and versions of every table a registration operation writes: equal before and after means nothing was written. */
export async function fingerprint(app: TestApp): Promise<string> {
  const rows = await app.em().getConnection().execute(`
    select
      (select count(*) from registration_applications) as applications,
      (select coalesce(sum(version), 0) from registration_applications) as application_versions,
      (select count(*) from enterprises) as enterprises,
      (select coalesce(sum(version), 0) from enterprises) as enterprise_versions,
      (select count(*) from department_clearances) as clearances,
      (select coalesce(sum(version), 0) from department_clearances) as clearance_versions,
      (select count(*) from business_licences) as licences,
      (select count(*) from enterprise_changes) as changes,
      (select count(*) from audit_events) as audit_events,
      (select count(*) from notifications) as notifications,
      (select count(*) from name_reservations where status <> 'RESERVED') as used_reservations,
      (select count(*) from enterprise_names) as index_rows,
      (select count(*) from enterprise_names where status = 'ACTIVE') as live_index_rows,
      (select count(*) from simplified_deregistration_notices) as notices,
      (select coalesce(sum(version), 0) from simplified_deregistration_notices) as notice_versions,
      (select count(*) from simplified_deregistration_objections) as objections,
      (select count(*) from enterprise_restrictions) as restrictions,
      (select coalesce(sum(version), 0) from enterprise_restrictions) as restriction_versions
  `);
  return JSON.stringify(rows[0]);
}

/** Runs `work` and asserts it wrote nothing; returns what it returned. */
export async function nothingWritten<T>(app: TestApp, work: () => Promise<T>): Promise<T> {
  const before = await fingerprint(app);
  const result = await work();
  expect(await fingerprint(app)).toBe(before);
  return result;
}

export function errorsOf(data: Record<string, any>): { code: string; field: string[] | null }[] {
  return payloadOf(data).userErrors.map(({ code, field }) => ({ code, field }));
}

/** A submitted deregistration of an enterprise the applicant established; returns the application's global id. */
export async function deregistrationSubmitted(app: TestApp, applicant: TestUser, registrar: TestUser): Promise<string> {
  const confirmed = await establish(app, applicant, registrar);
  const deregistration = { reason: '经营期满', simplified: false, liquidationCompletedOn: '2026-11-20' };
  const draft = payloadOf(
    await run(
      app,
      SAVE,
      { input: { kind: 'DEREGISTRATION', enterpriseId: confirmed.enterprise.id, deregistration } },
      applicant,
    ),
  );
  expect(draft.userErrors).toEqual([]);
  const done = payloadOf(
    await run(app, SUBMIT, { input: { id: draft.application.id, commitment: DEREG_COMMITMENT } }, applicant),
  );
  expect(done.userErrors).toEqual([]);
  return draft.application.id;
}
