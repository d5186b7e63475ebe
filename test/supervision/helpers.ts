import { expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';

// What the supervision tests share: the documents and a fingerprint of the tables they write.

export const SAMPLE_FIELDS = /* GraphQL */ `
  id number seed confirmedFrom confirmedTo sampleSize inspectorsPerEnterprise populationSize rosterSize reproducible drawnByName
  inspections(first: 100) { totalCount edges { node { id position status finding assignedToMe enterprise { id name status } inspectors { id displayName } } } }
`;

export const DRAW = /* GraphQL */ `
  mutation Draw($input: DrawInspectionSampleInput!) {
    drawInspectionSample(input: $input) { sample { ${SAMPLE_FIELDS} } userErrors { code field message } }
  }
`;

export const PROCEEDING_FIELDS = /* GraphQL */ `
  id status ground noticeIssuedOn answerBy publicNoticeFrom publicNoticeUntil publicNoticeReason revokedOn revocationReason closedReason revocable
  enterprise { id name status }
`;

export const FINDING = /* GraphQL */ `
  mutation Finding($input: RecordInspectionFindingInput!) {
    recordInspectionFinding(input: $input) {
      inspection { id status finding findingNote recordedByName proceeding { ${PROCEEDING_FIELDS} } }
      userErrors { code field message }
    }
  }
`;

export const PUBLIC_NOTICE = /* GraphQL */ `
  mutation PublicNotice($input: StartRevocationPublicNoticeInput!) {
    startRevocationPublicNotice(input: $input) { proceeding { ${PROCEEDING_FIELDS} } userErrors { code field message } }
  }
`;

export const REVOKE = /* GraphQL */ `
  mutation Revoke($input: RevokeEnterpriseRegistrationInput!) {
    revokeEnterpriseRegistration(input: $input) { proceeding { ${PROCEEDING_FIELDS} } userErrors { code field message } }
  }
`;

export const CLOSE = /* GraphQL */ `
  mutation Close($input: CloseRevocationProceedingInput!) {
    closeRevocationProceeding(input: $input) { proceeding { ${PROCEEDING_FIELDS} } userErrors { code field message } }
  }
`;

/** Row counts and versions of every table supervision writes. */
export async function fingerprint(app: TestApp): Promise<string> {
  const rows = await app.em().getConnection().execute(`
    select
      (select count(*) from inspection_samples) as samples,
      (select count(*) from inspections) as inspections,
      (select coalesce(sum(version), 0) from inspections) as inspection_versions,
      (select count(*) from revocation_proceedings) as proceedings,
      (select coalesce(sum(version), 0) from revocation_proceedings) as proceeding_versions,
      (select count(*) from enterprises where status = 'REVOKED') as revoked,
      (select count(*) from business_licences where status = 'CANCELLED') as cancelled_licences,
      (select count(*) from audit_events) as audit_events,
      (select count(*) from notifications) as notifications
  `);
  return JSON.stringify(rows[0]);
}

export async function nothingWritten<T>(app: TestApp, work: () => Promise<T>): Promise<T> {
  const before = await fingerprint(app);
  const result = await work();
  expect(await fingerprint(app)).toBe(before);
  return result;
}
