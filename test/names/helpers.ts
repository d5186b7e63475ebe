import { createRequestContext } from '../../src/app/context.js';
import type { RequestContext } from '../../src/shared/context.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { inTransaction } from '../../src/shared/transaction.js';
import { EnterpriseName, NameReservation } from '../../src/modules/names/index.js';
import { addIndexEntry } from '../../src/modules/names/name-index.service.js';
import type { DistrictValue } from '../../src/modules/names/names.entity.js';
import type { TestApp } from '../helpers/app.js';

// Rows and contexts the names tests need: registered names in the conflict index, service calls
// made as a given user, and the GraphQL documents the tests share.

/** A request context as the API would build it for this bearer token (anonymous without one). */
export function contextFor(app: TestApp, token?: string | null, language = 'zh-CN'): Promise<RequestContext> {
  return createRequestContext(app.orm, app.deps, {
    authorization: token ? `Bearer ${token}` : null,
    acceptLanguage: language,
    ip: '127.0.0.1',
  });
}

/** Puts registered enterprise names into the conflict index (as the registration module will). */
export async function registerNames(
  app: TestApp,
  names: { name: string; district?: DistrictValue; industry?: string | null; enterpriseId?: string }[],
): Promise<EnterpriseName[]> {
  const ctx = await contextFor(app);
  return inTransaction(ctx, async (tx) => {
    const rows = names.map((n) =>
      addIndexEntry(tx, {
        name: n.name,
        district: n.district ?? 'SHINAN',
        industryCode: n.industry ?? null,
        enterpriseId: n.enterpriseId ?? crypto.randomUUID(),
      }),
    );
    await tx.em.flush();
    return rows;
  });
}

export function reservationId(reservation: NameReservation | { id: string }): string {
  return toGlobalId('NameReservation', reservation.id);
}

export const RESERVE = /* GraphQL */ `
  mutation Reserve($input: ReserveEnterpriseNameInput!) {
    reserveEnterpriseName(input: $input) {
      reservation {
        id
        name
        special
        status
        reservedAt
        expiresAt
        commitment {
          termsVersion
          signatoryName
          acceptedAt
        }
        similarNameUndertaking {
          termsVersion
          signatoryName
          acceptedAt
        }
        verification {
          status
          dueBy
          overdue
          note
          decidedAt
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

export const CHECK = /* GraphQL */ `
  query Check($input: CheckEnterpriseNameInput!) {
    checkEnterpriseName(input: $input) {
      name
      available
      special
      parts {
        administrativeDivision
        tradeName
        industry
        organisationForm
      }
      specialReasons {
        code
        term
        message
      }
      violations {
        term
        rule
        message
      }
      conflicts {
        name
        kind
        rule
        message
        source
      }
      commitmentTerms {
        version
        textZh
        textEn
      }
    }
  }
`;

export const MY_RESERVATIONS = /* GraphQL */ `
  query Mine($first: Int, $after: String) {
    myNameReservations(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          name
          status
          special
          expiresAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export interface ReserveOptions {
  district?: string;
  kind?: string;
  industry?: string | null;
  foreignInvested?: boolean;
  priorApprovalRequired?: boolean;
  commitment?: { termsVersion: number; accepted: boolean; signatoryName: string } | null;
  /** The Art. 16(3) undertaking; the current one (v1) when left out, none when null. */
  similarNameUndertaking?: { termsVersion: number; accepted: boolean; signatoryName: string } | null;
  investmentRelation?: { enterpriseId: string; relationship: string } | null;
}

/** Reserves through the API as the holder of `token`; returns the payload. */
export async function reserveViaApi(
  app: TestApp,
  token: string,
  name: string,
  options: ReserveOptions = {},
  language?: string,
) {
  const result = await app.execute(
    RESERVE,
    {
      input: {
        name,
        district: options.district ?? 'SHINAN',
        kind: options.kind ?? 'LIMITED_LIABILITY_COMPANY',
        industry: options.industry === undefined ? 'I65' : options.industry,
        foreignInvested: options.foreignInvested ?? false,
        priorApprovalRequired: options.priorApprovalRequired ?? false,
        commitment: options.commitment ?? null,
        similarNameUndertaking:
          options.similarNameUndertaking === undefined
            ? await currentUndertakingInput(app)
            : options.similarNameUndertaking,
        investmentRelation: options.investmentRelation ?? null,
      },
    },
    { token, language },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.reserveEnterpriseName as {
    reservation: null | {
      id: string;
      name: string;
      special: boolean;
      status: string;
      reservedAt: string;
      expiresAt: string;
      commitment: null | { termsVersion: number; signatoryName: string; acceptedAt: string };
      similarNameUndertaking: null | { termsVersion: number; signatoryName: string; acceptedAt: string };
      verification: null | {
        status: string;
        dueBy: string;
        overdue: boolean;
        note: string | null;
        decidedAt: string | null;
      };
    };
    userErrors: { code: string; field: string[] | null; message: string }[];
  };
}

export const COMMITMENT_V1 = { termsVersion: 1, accepted: true, signatoryName: '王海川' };
/** The Art. 16(3) undertaking on similar names, first version, accepted. */
export const UNDERTAKING_V1 = { termsVersion: 1, accepted: true, signatoryName: '王海川' };

/** The Art. 16(3) undertaking on the version now current (an administrator may have published another). */
export async function currentUndertakingInput(app: TestApp) {
  const { currentUndertaking } = await import('../../src/modules/names/reference.service.js');
  const terms = await currentUndertaking(app.em());
  return { ...UNDERTAKING_V1, termsVersion: terms!.version };
}

/** Row counts of everything a refused names mutation must leave untouched. */
export async function namesRowCounts(app: TestApp) {
  const em = app.em();
  const { AuditEvent } = await import('../../src/shared/audit/audit.entity.js');
  const { Notification } = await import('../../src/shared/notifications/notification.entity.js');
  const {
    CommitmentTerms,
    DivisionNameException,
    NameSettings,
    NameTransfer,
    ProhibitedNameWord,
    SpecialNameWord,
    UndertakingTerms,
  } = await import('../../src/modules/names/names.entity.js');
  return {
    reservations: await em.count(NameReservation, {}),
    names: await em.count(EnterpriseName, {}),
    audit: await em.count(AuditEvent, {}),
    notifications: await em.count(Notification, {}),
    prohibitedWords: await em.count(ProhibitedNameWord, {}),
    specialWords: await em.count(SpecialNameWord, {}),
    terms: await em.count(CommitmentTerms, {}),
    undertakingTerms: await em.count(UndertakingTerms, {}),
    divisionNameExceptions: await em.count(DivisionNameException, {}),
    transfers: await em.count(NameTransfer, {}),
    settings: (await em.findOneOrFail(NameSettings, { id: 1 })).verificationWindowWorkingDays,
  };
}
