import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredFile } from '../../src/shared/files/file.entity.js';
import { sanitizeFileName } from '../../src/shared/files/uploads.js';
import { purgeLapsedUploads } from '../../src/shared/files/retention.js';
import { JOBS } from '../../src/app/jobs.js';
import { fromGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { createCast, consultationInput, readCase, submit, SUBMIT, type Cast } from './helpers.js';
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

describe('uploads never attached', () => {
  // A server of its own: the test moves its clock a day on.
  let lapsing: TestApp;
  let owner: Cast['investor'];
  beforeAll(async () => {
    lapsing = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
    owner = await createUser(lapsing, { role: 'APPLICANT', foreignInvestor: true });
  });
  afterAll(() => lapsing?.stop());

  const stored = async () =>
    (await lapsing.em().find(StoredFile, { ownerUserId: owner.user.id }, { orderBy: { createdAt: 'asc' } })).map(
      (f) => f.name,
    );
  const contents = async () =>
    Number(
      (
        await lapsing
          .em()
          .execute<{ n: string }[]>(
            'select count(*) as n from stored_file_contents c join stored_files f on f.id = c.file_id where f.owner_user_id = ?',
            [owner.user.id],
          )
      )[0]!.n,
    );

  it('are gone after UNATTACHED_UPLOAD_RETENTION_HOURS (24 h): unreadable, unattachable, uncounted, then purged by the sweep', async () => {
    expect(lapsing.deps.config.unattachedUploadRetentionHours).toBe(24);
    const kept = await upload(lapsing, owner.token, PDF, 'kept.pdf');
    const { serviceCase } = await submit(lapsing, owner, consultationInput({ attachmentIds: [kept.body.id] }));
    const loose = await upload(lapsing, owner.token, PDF, 'loose.pdf');
    lapsing.clock.advance(30 * 60_000);
    const later = await upload(lapsing, owner.token, PNG, 'later.png');

    // A minute short of a day: nothing lapsed, nothing purged.
    lapsing.clock.set('2026-11-27T08:59:00+08:00');
    expect(await purgeLapsedUploads(lapsing.em(), lapsing.deps)).toBe(0);
    expect((await download(lapsing, owner.token, loose.body.id!)).status).toBe(200);

    // A day on: the loose upload reads as gone before any sweep has run.
    lapsing.clock.set('2026-11-27T09:00:00+08:00');
    expect((await download(lapsing, owner.token, loose.body.id!)).status).toBe(404);
    expect((await download(lapsing, owner.token, later.body.id!)).status).toBe(200);
    const refused = await lapsing.execute(
      SUBMIT,
      { input: consultationInput({ attachmentIds: [loose.body.id] }) },
      { token: owner.token, language: 'en' },
    );
    expect(refused.data!.submitServiceCase.userErrors.map((e: any) => e.code)).toEqual(['NOT_FOUND']);

    // The sweep deletes its row and its bytes; the attached file and the younger upload stay.
    expect(await purgeLapsedUploads(lapsing.em(), lapsing.deps)).toBe(1);
    expect(await stored()).toEqual(['kept.pdf', 'later.png']);
    expect(await contents()).toBe(2);
    expect((await download(lapsing, owner.token, kept.body.id!)).status).toBe(200);
    expect((await readCase(lapsing, owner, serviceCase.id))!.attachments).toHaveLength(1);
    expect(await purgeLapsedUploads(lapsing.em(), lapsing.deps)).toBe(0);
  });

  it('no longer count against the cap of 30 once lapsed', async () => {
    const hoarder = await createUser(lapsing, { role: 'APPLICANT', foreignInvestor: true });
    for (let i = 0; i < 30; i++) expect((await upload(lapsing, hoarder.token, PNG, `p${i}.png`)).status).toBe(201);
    expect((await upload(lapsing, hoarder.token, PNG, 'one-more.png')).status).toBe(409);
    lapsing.clock.advance(24 * 3_600_000);
    expect((await upload(lapsing, hoarder.token, PNG, 'next-day.png')).status).toBe(201);
  });

  it('is the job the platform schedules, with the retention it is configured with', async () => {
    expect(JOBS.find((job) => job.name === 'files.lapsedUploads')).toBeDefined();
    const short = await TestApp.start({ config: { unattachedUploadRetentionHours: 2 } });
    try {
      const user = await createUser(short, { role: 'APPLICANT', foreignInvestor: true });
      await upload(short, user.token, PDF, 'a.pdf');
      short.clock.advance(2 * 3_600_000 - 1);
      expect(await JOBS.find((job) => job.name === 'files.lapsedUploads')!.run(short.orm, short.deps)).toBe(0);
      short.clock.advance(1);
      expect(await JOBS.find((job) => job.name === 'files.lapsedUploads')!.run(short.orm, short.deps)).toBe(1);
    } finally {
      await short.stop();
    }
  });
});
