import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredFile } from '../../src/shared/files/file.entity.js';
import { sanitizeFileName } from '../../src/shared/files/uploads.js';
import { fromGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { createCast, consultationInput, submit, SUBMIT, type Cast } from './helpers.js';
import { download, GIF, JPEG, PDF, PNG, upload } from './files.js';

let app: TestApp;
let cast: Cast;

beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
});
afterAll(() => app?.stop());

const fileCount = () => app.em().count(StoredFile, {});

describe('POST /uploads', () => {
  it.each([
    ['a PDF', PDF, 'application/pdf', 'report.pdf'],
    ['a PNG', PNG, 'image/png', 'scan.png'],
    ['a JPEG', JPEG, 'image/jpeg', 'photo.jpg'],
  ])('stores %s with the type read from its content', async (_what, data, type, name) => {
    const answer = await upload(app, cast.investor.token, data, name, { declaredType: 'text/plain' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ contentType: type, size: data.length, name });
    const back = await download(app, cast.investor.token, answer.body.id!);
    expect(back.status).toBe(200);
    expect(back.bytes.equals(data)).toBe(true);
    expect(back.headers.get('content-type')).toBe(type);
  });

  it('refuses a GIF, and a text file named .pdf, with a clear error and stores nothing', async () => {
    const before = await fileCount();
    for (const [data, name] of [
      [GIF, 'image.gif'],
      [Buffer.from('just some text, not a PDF'), 'contract.pdf'],
    ] as const) {
      const answer = await upload(app, cast.investor.token, data, name);
      expect(answer.status).toBe(415);
      expect(answer.body.error).toEqual({
        code: 'UNSUPPORTED_FILE_TYPE',
        message: 'Only PDF, JPEG and PNG files are accepted (recognised from their content).',
      });
    }
    expect(await fileCount()).toBe(before);
  });

  it('refuses a file over 10 MB and stores nothing', async () => {
    const before = await fileCount();
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const answer = await upload(app, cast.investor.token, big, 'big.pdf');
    expect(answer.status).toBe(413);
    expect(answer.body.error!.message).toBe('The file is larger than 10 MB.');
    expect(await fileCount()).toBe(before);
  });

  it('refuses a 31st upload not yet attached to anything, and stores nothing', async () => {
    const hoarder = await createUser(app, { role: 'APPLICANT', foreignInvestor: true });
    for (let i = 0; i < 30; i++) expect((await upload(app, hoarder.token, PNG, `p${i}.png`)).status).toBe(201);
    const before = await fileCount();
    const answer = await upload(app, hoarder.token, PNG, 'one-more.png');
    expect(answer.status).toBe(409);
    expect(answer.body.error!.code).toBe('TOO_MANY_UNATTACHED_FILES');
    expect(await fileCount()).toBe(before);
  });

  it('refuses an anonymous upload', async () => {
    const answer = await upload(app, null, PDF, 'a.pdf');
    expect(answer.status).toBe(401);
    expect(answer.body.error!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a request without the file field, in Chinese when asked', async () => {
    const answer = await upload(app, cast.investor.token, PDF, 'a.pdf', { field: 'other', language: 'zh-CN' });
    expect(answer.status).toBe(400);
    expect(answer.body.error!.message).toBe('请在表单字段 file 中上传一个文件。');
  });

  it('sanitises names: no paths, control or bidi characters, and the extension of the real type', async () => {
    const answer = await upload(app, cast.investor.token, PDF, '../../etc/pass\u202Ewd<1>.exe');
    expect(answer.body.name).toBe('pass_wd_1_.pdf');
    expect(sanitizeFileName('   ', 'png')).toBe('file.png');
    expect(sanitizeFileName('C:\\Users\\me\\营业执照.PDF', 'pdf')).toBe('营业执照.pdf');
  });
});

describe('attaching and downloading', () => {
  it("refuses someone else's file id in a case with a UserError, and writes nothing", async () => {
    const theirs = await upload(app, cast.stranger.token, PDF, 'theirs.pdf');
    const result = await app.execute(
      SUBMIT,
      { input: consultationInput({ attachmentIds: [theirs.body.id] }) },
      { token: cast.investor.token, language: 'en' },
    );
    expect(result.data!.submitServiceCase.userErrors).toEqual([
      {
        code: 'NOT_FOUND',
        field: ['input', 'attachmentIds', '0'],
        message: 'This file was not found among your uploads, or it is already attached elsewhere.',
      },
    ]);
    // Still the stranger's own, unattached file; and the investor cannot download it.
    const stored = await app.em().findOneOrFail(StoredFile, { id: fromGlobalId(theirs.body.id!)!.id });
    expect(stored.attachedTo).toBeNull();
    expect((await download(app, cast.investor.token, theirs.body.id!)).status).toBe(404);
    expect((await download(app, cast.stranger.token, theirs.body.id!)).status).toBe(200);
  });

  it('refuses an eleventh attachment', async () => {
    const ids = [];
    for (let i = 0; i < 11; i++) ids.push((await upload(app, cast.investor.token, PNG, `p${i}.png`)).body.id);
    const result = await app.execute(
      SUBMIT,
      { input: consultationInput({ attachmentIds: ids }) },
      { token: cast.investor.token, language: 'en' },
    );
    expect(result.data!.submitServiceCase.userErrors[0].code).toMatch(/CAPACITY_REACHED|OUT_OF_RANGE|INVALID_INPUT/);
  });

  it('serves an attached file to the submitter and the handler, and answers everyone else as if it did not exist', async () => {
    const file = await upload(app, cast.investor.token, PDF, 'licence.pdf');
    const { serviceCase } = await submit(app, cast.investor, consultationInput({ attachmentIds: [file.body.id] }));
    expect(serviceCase.attachments).toEqual([
      {
        id: file.body.id,
        name: 'licence.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
        url: `/files/${file.body.id}`,
      },
    ]);
    await app.execute(
      `mutation ($input: AssignServiceCaseInput!) { assignServiceCase(input: $input) { userErrors { code } } }`,
      { input: { id: serviceCase.id, assigneeId: toGlobalId('User', cast.handler.user.id) } },
      { token: cast.otherOfficial.token },
    );
    const missing = await download(app, cast.otherOfficial.token, toGlobalId('File', randomUUID()));
    expect((await download(app, cast.investor.token, file.body.id!)).status).toBe(200);
    expect((await download(app, cast.handler.token, file.body.id!)).status).toBe(200);
    for (const who of [cast.otherOfficial, cast.stranger, cast.registrar, cast.bank, cast.admin]) {
      const answer = await download(app, who.token, file.body.id!);
      expect(answer.status).toBe(404);
      expect(answer.bytes.toString()).toBe(missing.bytes.toString());
    }
    expect((await download(app, null, file.body.id!)).status).toBe(401);
  });
});
