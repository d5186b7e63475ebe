import { get, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { BusinessLicence } from '../../src/modules/registration/registration.entity.js';
import { READABLE_ALPHABET, readableCheckSymbol } from '../../src/modules/registration/licence-signature.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { establish, localId, run } from './helpers.js';

// Issue 15: the electronic licence as a PDF, for whoever acts for the enterprise, with a QR code (and
// a link on it) that opens the public verification page for its code. The code is what is verified:
// a PDF whose code was changed does not verify. (test/web/licence-pdf.test.ts renders the PDF in
// Chromium and decodes the QR code itself.)

let app: TestApp;
let applicant: TestUser;
let official: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  applicant = await createUser(app);
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());

const VERIFY = `query ($code: String!) { verifyBusinessLicence(verificationCode: $code) { genuine current licence { number } } }`;

async function establishedEnterprise(): Promise<{ enterpriseId: string; licence: BusinessLicence }> {
  const confirmed = await establish(app, applicant, official);
  const licence = await app.em().findOneOrFail(BusinessLicence, { enterprise: localId(confirmed.enterprise.id) });
  return { enterpriseId: confirmed.enterprise.id, licence };
}

/**
 * GET on a connection of its own: the server renders a PDF on the test's own event loop, which can
 * delay its closing of an idle kept-alive socket until the moment a pooled fetch reuses it.
 */
function download(enterpriseId: string, user: TestUser | null, language = 'zh-CN') {
  const headers: Record<string, string> = { 'accept-language': language };
  if (user) headers.authorization = `Bearer ${user.token}`;
  const url = `${app.url}/enterprises/${encodeURIComponent(enterpriseId)}/licence.pdf`;
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** The targets of the PDF's link annotations (written as PDF literal strings). */
function linkTargets(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((match) => match[1]!);
}

function codeOfLink(link: string): string {
  return new URL(link).searchParams.get('code')!;
}

async function genuine(code: string): Promise<boolean> {
  return (await run(app, VERIFY, { code })).verifyBusinessLicence.genuine;
}

/** Another well-formed readable code: one data symbol changed and the check symbol made to fit. */
function forgedFrom(code: string): string {
  const symbols = code.replace(/-/g, '');
  const data = symbols.slice(0, -1);
  const changed = READABLE_ALPHABET[(READABLE_ALPHABET.indexOf(data[3]!) + 1) % READABLE_ALPHABET.length]!;
  const forgedData = data.slice(0, 3) + changed + data.slice(4);
  return (forgedData + readableCheckSymbol(forgedData)).match(/.{4}/g)!.join('-');
}

describe('the electronic licence as a PDF', () => {
  it('the agent downloads a small PDF whose QR link is the verification page for its code, which verifies', async () => {
    const { enterpriseId, licence } = await establishedEnterprise();

    const { status, headers, body } = await download(enterpriseId, applicant);

    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/pdf');
    expect(headers['cache-control']).toBe('private, no-store');
    expect(headers['content-disposition']).toContain(`filename="licence-${licence.facts.uscc}.pdf"`);
    expect(headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`营业执照-${licence.facts.uscc}.pdf`)}`,
    );
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The 10 MB font is embedded as a subset of the glyphs used (a six-letter tag before its name).
    expect(body.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(body.length).toBeLessThan(80_000);
    expect(linkTargets(body)).toEqual([`${app.url}/verify?code=${encodeURIComponent(licence.verificationCode)}`]);
    expect(codeOfLink(linkTargets(body)[0]!)).toBe(licence.verificationCode);
    expect(await genuine(codeOfLink(linkTargets(body)[0]!))).toBe(true);
  });

  it('a PDF whose code was changed does not verify, whether the change keeps the check symbol right or not', async () => {
    const { enterpriseId, licence } = await establishedEnterprise();
    const { body } = await download(enterpriseId, applicant);
    const forged = forgedFrom(licence.verificationCode);
    const mistyped = licence.verificationCode.replace(/^./, (first) => (first === 'A' ? 'B' : 'A'));

    for (const code of [forged, mistyped]) {
      const tampered = Buffer.from(body.toString('latin1').replace(licence.verificationCode, code), 'latin1');
      const link = linkTargets(tampered)[0]!;
      expect(codeOfLink(link)).toBe(code);
      expect(await genuine(codeOfLink(link)), code).toBe(false);
    }
  });

  it('with PUBLIC_URL set, the QR code opens the verification page at the public address', async () => {
    const { enterpriseId, licence } = await establishedEnterprise();
    const config = app.deps.config as { publicUrl: string | null };
    config.publicUrl = 'https://qes.example.cn';
    try {
      const { body } = await download(enterpriseId, applicant);
      expect(linkTargets(body)).toEqual([
        `https://qes.example.cn/verify?code=${encodeURIComponent(licence.verificationCode)}`,
      ]);
    } finally {
      config.publicUrl = null;
    }
  });

  it('the same licence gives the same file each time', async () => {
    const { enterpriseId } = await establishedEnterprise();
    const first = await download(enterpriseId, applicant);
    const second = await download(enterpriseId, applicant);
    expect(second.body.equals(first.body)).toBe(true);
  });
});

describe('who may download the licence', () => {
  it('nobody signed in is asked to sign in', async () => {
    const { enterpriseId } = await establishedEnterprise();
    const { status, body } = await download(enterpriseId, null, 'en');
    expect(status).toBe(401);
    expect(JSON.parse(body.toString())).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } });
  });

  it('another applicant and an official get exactly what a missing licence gets (they verify by the code instead)', async () => {
    const { enterpriseId } = await establishedEnterprise();
    const stranger = await createUser(app);
    const missing = await download(toGlobalId('Enterprise', '00000000-0000-4000-8000-000000000000'), applicant, 'en');
    expect(missing.status).toBe(404);

    for (const user of [stranger, official]) {
      const { status, body } = await download(enterpriseId, user, 'en');
      expect(status).toBe(404);
      expect(body.toString()).toBe(missing.body.toString());
    }
    expect(JSON.parse(missing.body.toString())).toEqual({
      error: { code: 'NOT_FOUND', message: 'No current business licence of this enterprise was found.' },
    });
  });

  it('an id that names no enterprise is not found', async () => {
    for (const id of ['not-an-id', toGlobalId('File', '00000000-0000-4000-8000-000000000000')]) {
      expect((await download(id, applicant)).status).toBe(404);
    }
  });

  it('an enterprise without a current licence (cancelled on deregistration or revocation) has none to download', async () => {
    const { enterpriseId, licence } = await establishedEnterprise();
    const em = app.em();
    const row = await em.findOneOrFail(BusinessLicence, { id: licence.id });
    row.status = 'CANCELLED';
    row.endedAt = app.clock.now();
    await em.flush();

    const { status, body } = await download(enterpriseId, applicant);
    expect(status).toBe(404);
    expect(JSON.parse(body.toString()).error.message).toBe('未找到该企业的有效营业执照。');
  });
});
