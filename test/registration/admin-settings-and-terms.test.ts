import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { COMMITMENT, SUBMIT, draftEstablishment, payloadOf, run } from './helpers.js';

// What an administrator keeps for the registration service from the console: how long an invitation
// to act for an enterprise stays open, and the commitment texts applicants sign. Bad input is a
// clear message in both languages and changes nothing; only ADMIN may change them (the permission
// matrix refuses everyone else); each change is audited.

const UPDATE_SETTINGS = /* GraphQL */ `
  mutation ($input: UpdateRegistrationSettingsInput!) {
    updateRegistrationSettings(input: $input) {
      settings {
        agentInvitationValidDays
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const SETTINGS = `{ registrationSettings { agentInvitationValidDays updatedAt } }`;
const PUBLISH = /* GraphQL */ `
  mutation ($input: PublishRegistrationCommitmentTermsInput!) {
    publishRegistrationCommitmentTerms(input: $input) {
      commitmentTerms {
        kind
        version
        number
        textZh
        textEn
        publishedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const TERMS = /* GraphQL */ `
  query ($kind: RegistrationKind!, $simplifiedNotice: Boolean, $number: Int) {
    registrationCommitmentTerms(kind: $kind, simplifiedNotice: $simplifiedNotice, number: $number) {
      kind
      version
      number
      textZh
      textEn
    }
  }
`;
const COMMITMENT_OF = `query($id: ID!) { node(id: $id) { ... on RegistrationApplication { commitment { termsVersion text } } } }`;

let app: TestApp;
let admin: TestUser;
let official: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  admin = await createUser(app, { role: 'ADMIN' });
  official = await createUser(app, { role: 'OFFICIAL' });
});
afterAll(async () => app?.stop());

const auditCount = (action: string) => app.em().count(AuditEvent, { action });

describe('the validity of an invitation to act for an enterprise', () => {
  it('an administrator changes it, and the change is audited with before and after', async () => {
    const data = await run(app, UPDATE_SETTINGS, { input: { agentInvitationValidDays: 21 } }, admin);
    expect(data.updateRegistrationSettings.userErrors).toEqual([]);
    expect(data.updateRegistrationSettings.settings.agentInvitationValidDays).toBe(21);
    expect((await run(app, SETTINGS, {})).registrationSettings.agentInvitationValidDays).toBe(21);
    const [event] = await app
      .em()
      .find(AuditEvent, { action: 'registration.settings.update' }, { orderBy: { seq: 'desc' } });
    expect(event).toMatchObject({ fromState: '14', toState: '21' });
    await run(app, UPDATE_SETTINGS, { input: { agentInvitationValidDays: 14 } }, admin);
  });

  it.each([0, 91, -3])('refuses %i days in both languages and changes nothing', async (days) => {
    const before = await run(app, SETTINGS, {});
    const audits = await auditCount('registration.settings.update');
    for (const [language, text] of [
      ['zh-CN', '请填写 1 至 90 之间的整数（天）。'],
      ['en', 'Give a whole number of days from 1 to 90.'],
    ]) {
      const data = await run(app, UPDATE_SETTINGS, { input: { agentInvitationValidDays: days } }, admin, language);
      expect(data.updateRegistrationSettings).toEqual({
        settings: null,
        userErrors: [{ code: 'OUT_OF_RANGE', field: ['input', 'agentInvitationValidDays'], message: text }],
      });
    }
    expect(await run(app, SETTINGS, {})).toEqual(before);
    expect(await auditCount('registration.settings.update')).toBe(audits);
  });
});

describe('publishing a registration commitment text', () => {
  it('the new version is what applicants read and sign; an application submitted before keeps the one it signed', async () => {
    const applicant = await createUser(app);
    const earlier = await draftEstablishment(app, applicant);
    expect(
      payloadOf(await run(app, SUBMIT, { input: { id: earlier.id, commitment: COMMITMENT } }, applicant)).userErrors,
    ).toEqual([]);

    const published = (
      await run(
        app,
        PUBLISH,
        {
          input: {
            kind: 'ESTABLISHMENT',
            textZh: '  本申请人承诺（第二版）。 ',
            textEn: 'The applicant commits (second version).',
          },
        },
        admin,
      )
    ).publishRegistrationCommitmentTerms;
    expect(published.userErrors).toEqual([]);
    expect(published.commitmentTerms).toMatchObject({
      kind: 'ESTABLISHMENT',
      version: 'REG-2026.2',
      number: 2,
      textZh: '本申请人承诺（第二版）。',
    });
    expect(await auditCount('registration.commitmentTerms.publish')).toBe(1);

    // What an applicant reads now; the earlier version stays readable by its number.
    const current = (await run(app, TERMS, { kind: 'ESTABLISHMENT' })).registrationCommitmentTerms;
    expect(current).toMatchObject({
      version: 'REG-2026.2',
      number: 2,
      textEn: 'The applicant commits (second version).',
    });
    expect((await run(app, TERMS, { kind: 'ESTABLISHMENT', number: 1 })).registrationCommitmentTerms.version).toBe(
      'REG-2026.1',
    );
    // The other texts have their own versions and did not move.
    expect((await run(app, TERMS, { kind: 'CHANGE' })).registrationCommitmentTerms.version).toBe('REG-2026.1');

    // Signing the old version is refused with the version to read; the new one is accepted and copied.
    const later = await draftEstablishment(app, applicant);
    const stale = payloadOf(
      await run(app, SUBMIT, { input: { id: later.id, commitment: COMMITMENT } }, applicant, 'en'),
    );
    expect(stale.userErrors).toEqual([
      {
        code: 'COMMITMENT_REQUIRED',
        field: ['input', 'commitment', 'termsVersion'],
        message: 'The commitment terms are now version REG-2026.2: read them and commit again.',
      },
    ]);
    const fresh = payloadOf(
      await run(
        app,
        SUBMIT,
        { input: { id: later.id, commitment: { ...COMMITMENT, termsVersion: 'REG-2026.2' } } },
        applicant,
      ),
    );
    expect(fresh.userErrors).toEqual([]);

    const signed = async (id: string) => (await run(app, COMMITMENT_OF, { id }, official, 'en')).node.commitment;
    expect(await signed(later.id)).toEqual({
      termsVersion: 'REG-2026.2',
      text: 'The applicant commits (second version).',
    });
    expect(await signed(earlier.id)).toMatchObject({ termsVersion: 'REG-2026.1' });
    expect((await signed(earlier.id)).text).toMatch(/^The applicant commits that the declared name/);
  });

  it('publishes the simplified-deregistration promise as its own text', async () => {
    const data = await run(
      app,
      PUBLISH,
      {
        input: {
          kind: 'DEREGISTRATION',
          simplifiedNotice: true,
          textZh: '全体投资人承诺（新）。',
          textEn: 'All investors promise (new).',
        },
      },
      admin,
    );
    expect(data.publishRegistrationCommitmentTerms.commitmentTerms.version).toBe('SIMPLE-DEREG-2026.2');
    expect(
      (await run(app, TERMS, { kind: 'DEREGISTRATION', simplifiedNotice: true })).registrationCommitmentTerms.textEn,
    ).toBe('All investors promise (new).');
    expect((await run(app, TERMS, { kind: 'DEREGISTRATION' })).registrationCommitmentTerms.version).toBe(
      'DEREG-2026.1',
    );
  });

  it('refuses a blank text, or the notice promise on another kind, in both languages, and publishes nothing', async () => {
    const before = (await run(app, TERMS, { kind: 'CHANGE' })).registrationCommitmentTerms;
    const audits = await auditCount('registration.commitmentTerms.publish');
    const blank = await run(app, PUBLISH, { input: { kind: 'CHANGE', textZh: '   ', textEn: 'Fine.' } }, admin, 'en');
    expect(blank.publishRegistrationCommitmentTerms.userErrors).toEqual([
      expect.objectContaining({ code: 'REQUIRED', field: ['input', 'textZh'] }),
    ]);
    for (const [language, message] of [
      ['zh-CN', '简易注销公示承诺只适用于注销登记。'],
      ['en', 'The simplified-deregistration promise belongs to deregistration only.'],
    ]) {
      const data = await run(
        app,
        PUBLISH,
        { input: { kind: 'CHANGE', simplifiedNotice: true, textZh: '承诺。', textEn: 'Commits.' } },
        admin,
        language,
      );
      expect(data.publishRegistrationCommitmentTerms).toEqual({
        commitmentTerms: null,
        userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'simplifiedNotice'], message }],
      });
    }
    expect((await run(app, TERMS, { kind: 'CHANGE' })).registrationCommitmentTerms).toEqual(before);
    expect(await auditCount('registration.commitmentTerms.publish')).toBe(audits);
  });

  it('an earlier version that does not exist is not found', async () => {
    const result = await app.execute(TERMS, { kind: 'CHANGE', number: 9 });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
