import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { BusinessLicence } from '../../src/modules/registration/registration.entity.js';
import {
  READABLE_ALPHABET,
  codeMatches,
  readableCheckSymbol,
  readableCodeForm,
  readableLicenceCode,
  signLicence,
} from '../../src/modules/registration/licence-signature.js';
import { readTypedCode } from '../../web/src/licence/readableCode.js';
import { establish, localId, run } from './helpers.js';

// Issue 20: the verification code a person reads off a licence and types: no look-alike symbols,
// grouped, any case, a check symbol that catches typing mistakes before the server is asked; codes
// of the first licences (base64url) still verify.

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
const READABLE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}(?:-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}){4}$/;

async function issuedLicence(): Promise<BusinessLicence> {
  const confirmed = await establish(app, applicant, official);
  return app.em().findOneOrFail(BusinessLicence, { enterprise: localId(confirmed.enterprise.id) });
}

async function genuine(code: string): Promise<boolean> {
  return (await run(app, VERIFY, { code })).verifyBusinessLicence.genuine;
}

describe('readable verification codes', () => {
  it('the alphabet has no 0/O or 1/I/L look-alikes, and 31 (a prime) symbols', () => {
    expect(READABLE_ALPHABET).toHaveLength(31);
    expect(READABLE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(new Set(READABLE_ALPHABET).size).toBe(31);
  });

  it('a new licence gets a grouped readable code, which verifies typed in any case, with or without hyphens', async () => {
    const licence = await issuedLicence();
    expect(licence.verificationCode).toMatch(READABLE);
    const code = licence.verificationCode;
    for (const typed of [
      code,
      code.toLowerCase(),
      code.replace(/-/g, ''),
      ` ${code.replace(/-/g, ' ').toLowerCase()} `,
      code.replace(/-/g, '–'),
    ]) {
      expect(await genuine(typed), typed).toBe(true);
    }
  });

  it('the check symbol catches every single mistyped symbol and every swap of two neighbours', () => {
    const data = 'K7QM2XP9HD4R8WNB3TC';
    const code = data + readableCheckSymbol(data);
    expect(readableCodeForm(code)).toEqual({ code: 'K7QM-2XP9-HD4R-8WNB-3TC' + readableCheckSymbol(data) });
    for (let i = 0; i < code.length; i++) {
      for (const symbol of READABLE_ALPHABET) {
        if (symbol === code[i]) continue;
        const typo = code.slice(0, i) + symbol + code.slice(i + 1);
        expect(readableCodeForm(typo), typo).toEqual({ mistyped: true });
        expect(readTypedCode(typo), typo).toEqual({ kind: 'mistyped' });
      }
      if (i + 1 < code.length && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(readableCodeForm(swapped), swapped).toEqual({ mistyped: true });
      }
    }
  });

  it('the web page reads a typed code as the server does', () => {
    const data = '23456789ABCDEFGHJKM';
    const code = data + readableCheckSymbol(data);
    const server = readableCodeForm(code.toLowerCase());
    expect(server).toEqual({ code: '2345-6789-ABCD-EFGH-JKM' + readableCheckSymbol(data) });
    expect(readTypedCode(code.toLowerCase())).toEqual({ kind: 'readable', code: (server as { code: string }).code });
    expect(readTypedCode('not a code')).toEqual({ kind: 'other', code: 'not a code' });
  });

  it('a well-formed code the platform never issued, or made with another key, is not genuine', async () => {
    const licence = await issuedLicence();
    const made = '23456789ABCDEFGHJKM';
    expect(await genuine(made + readableCheckSymbol(made))).toBe(false);
    const otherKey = readableLicenceCode(
      Buffer.from('not-the-deployment-key-0123456789abcdef'),
      licence.id,
      licence.facts,
    );
    expect(otherKey).toMatch(READABLE);
    expect(otherKey).not.toBe(licence.verificationCode);
    expect(await genuine(otherKey)).toBe(false);
    // Even stored in the row, a code the deployment's key does not give for these facts fails.
    const em = app.em();
    const row = await em.findOneOrFail(BusinessLicence, { id: licence.id });
    row.verificationCode = otherKey;
    await em.flush();
    expect(await genuine(otherKey)).toBe(false);
  });

  it('a readable code stops verifying when a fact of its licence is changed in the database', async () => {
    const licence = await issuedLicence();
    expect(codeMatches(app.deps.signingKey, licence.verificationCode, licence.id, licence.facts)).toBe(true);
    const em = app.em();
    const row = await em.findOneOrFail(BusinessLicence, { id: licence.id });
    row.facts = { ...row.facts, legalRepresentative: '李四' };
    await em.flush();
    expect(await genuine(licence.verificationCode)).toBe(false);
  });

  it('a licence issued with a legacy (base64url) code still verifies, exactly as issued', async () => {
    const licence = await issuedLicence();
    const legacy = signLicence(app.deps.signingKey, licence.id, licence.facts);
    const em = app.em();
    const row = await em.findOneOrFail(BusinessLicence, { id: licence.id });
    row.verificationCode = legacy;
    await em.flush();
    expect(await genuine(legacy)).toBe(true);
    expect(await genuine(legacy.toLowerCase())).toBe(false);
    expect(await genuine(licence.verificationCode)).toBe(false);
  });
});
