import { createApiKeyRow } from '../helpers/accounts.js';
import type { TestApp } from '../helpers/app.js';
import { cheapPasswordHash, createUser, type TestUser } from '../helpers/factories.js';
import { API_SCOPES, DEPARTMENTS, satisfies, type Viewer } from '../../src/shared/viewer.js';

// Every kind of caller the permission matrix runs each operation as: anonymous, each role (an
// official of each department), the owner of the fixture's objects and a stranger of the same role,
// and partner API keys with no scope and with each scope alone.

export interface ViewerClass {
  /** The column heading in the snapshot. */
  key: string;
  /** What the caller is, as the authorisation checker sees it (null: anonymous). */
  viewer: Pick<Viewer, 'kind' | 'role' | 'department' | 'scopes' | 'organisationAdmin'> | null;
  /** Of the two callers of a role, the one that owns nothing the fixtures build. */
  stranger?: true;
}

const user = (role: Viewer['role'], department: Viewer['department'] = null, organisationAdmin = false) =>
  ({ kind: 'USER', role, department, scopes: [], organisationAdmin }) as const;

export const VIEWER_CLASSES: readonly ViewerClass[] = [
  { key: 'anonymous', viewer: null },
  { key: 'applicant', viewer: user('APPLICANT') },
  { key: 'applicant (stranger)', viewer: user('APPLICANT'), stranger: true },
  { key: 'bank', viewer: user('BANK_OFFICER') },
  { key: 'bank (stranger)', viewer: user('BANK_OFFICER'), stranger: true },
  { key: 'host', viewer: user('HOST_AGENT') },
  ...DEPARTMENTS.map((department) => ({ key: department, viewer: user('OFFICIAL', department) })),
  { key: 'admin', viewer: user('ADMIN') },
  // The administrator of the bank column's bank, and of a law firm (a stranger to the bank's keys).
  { key: 'bank admin', viewer: user('BANK_OFFICER', null, true) },
  { key: 'firm admin', viewer: user('HOST_AGENT', null, true), stranger: true },
  { key: 'key', viewer: { kind: 'API_KEY', role: 'PARTNER', department: null, scopes: [], organisationAdmin: false } },
  ...API_SCOPES.map((scope) => ({
    key: `key ${scope}`,
    viewer: { kind: 'API_KEY', role: 'PARTNER', department: null, scopes: [scope], organisationAdmin: false } as const,
  })),
];

export type ViewerKey = string;

/** Whether the class passes one of the requirements, with the checker's own rule (see src/shared/viewer.ts). */
export function passes(viewerClass: ViewerClass, requirements: readonly string[]): boolean {
  if (!viewerClass.viewer) return false;
  const viewer = { ...viewerClass.viewer, userId: null, sessionId: null, apiKeyId: null } as Viewer;
  return requirements.some((requirement) => satisfies(viewer, requirement));
}

/** One credential per viewer class: the tokens the matrix calls with. */
export type Credentials = Record<ViewerKey, string | null>;

export interface Cast {
  credentials: Credentials;
  /** The owners: the fixtures build their objects for these two. */
  applicant: TestUser;
  bank: TestUser;
  /** The market-regulation official of the matrix, who confirms the fixtures' establishments. */
  registrar: TestUser;
  /** The user behind each column of a signed-in user. */
  userIds: Record<ViewerKey, string>;
}

/** A fresh credential of the class, for operations that use up the caller (signing out, a new password). */
export async function credentialOf(app: TestApp, viewerClass: ViewerClass): Promise<string | null> {
  const viewer = viewerClass.viewer;
  if (!viewer) return null;
  if (viewer.kind === 'API_KEY') return (await createApiKeyRow(app, { scopes: [...viewer.scopes] })).secret;
  const department = viewer.department ?? undefined;
  return (
    await createUser(app, {
      role: viewer.role!,
      department,
      organisationAdmin: viewer.organisationAdmin,
      passwordHash: cheapPasswordHash(),
    })
  ).token;
}

export async function createCast(app: TestApp): Promise<Cast> {
  const applicant = await createUser(app, { role: 'APPLICANT' });
  const bank = await createUser(app, { role: 'BANK_OFFICER' });
  const registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  const users: Record<ViewerKey, TestUser> = { applicant, bank, MARKET_REGULATION: registrar };
  const credentials: Credentials = {};
  for (const viewerClass of VIEWER_CLASSES) {
    const viewer = viewerClass.viewer;
    if (viewer?.kind === 'USER') {
      users[viewerClass.key] ??= await createUser(app, {
        role: viewer.role!,
        department: viewer.department ?? undefined,
        organisationAdmin: viewer.organisationAdmin,
        // The bank's administrator administers the bank column's bank: the fixtures' keys are its.
        organisation: viewerClass.key === 'bank admin' ? (bank.user.organisation ?? undefined) : undefined,
      });
      credentials[viewerClass.key] = users[viewerClass.key]!.token;
    } else {
      credentials[viewerClass.key] = await credentialOf(app, viewerClass);
    }
  }
  const userIds = Object.fromEntries(Object.entries(users).map(([key, { user }]) => [key, user.id]));
  return { credentials, applicant, bank, registrar, userIds };
}
