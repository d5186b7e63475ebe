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
        id name special status reservedAt expiresAt
        commitment { termsVersion signatoryName acceptedAt }
        verification { status dueBy overdue note decidedAt }
      }
      userErrors { code field message }
    }
  }
`;

export const CHECK = /* GraphQL */ `
  query Check($input: CheckEnterpriseNameInput!) {
    checkEnterpriseName(input: $input) {
      name available special
      parts { administrativeDivision tradeName industry organisationForm }
      specialReasons { code term message }
      violations { term rule message }
      conflicts { name kind rule message source }
      commitmentTerms { version textZh textEn }
    }
  }
`;
