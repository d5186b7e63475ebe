import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import type { Express, Request, Response } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import type { RequestContext } from '../context.js';
import { fromGlobalId, toGlobalId } from '../ids.js';
import { defineMessages, localeFromAcceptLanguage, translate, type Locale } from '../messages.js';
import { canReadFile } from './file-access.js';
import { StoredFile } from './file.entity.js';
import { defaultFileStore, type FileStore } from './file-store.js';
import { unattachedUploadsOf } from './retention.js';

// The platform's file routes: an authenticated multipart upload, streamed through busboy, and a
// download that applies the visibility of whatever the file is attached to.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/**
 * Uploads a user may hold that are not attached to anything yet (each case takes at most 10); those
 * older than UNATTACHED_UPLOAD_RETENTION_HOURS no longer count (retention.ts).
 */
export const MAX_UNATTACHED_FILES = 30;
export const FILE_TYPE_NAME = 'File';

/** Types accepted, by the MIME type sniffed from the content (never the client's claim). */
export const ALLOWED_FILE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

defineMessages({
  'files.noFile': { zh: '请在表单字段 file 中上传一个文件。', en: 'Send one file in the form field "file".' },
  'files.tooLarge': { zh: '文件不能超过 10 MB。', en: 'The file is larger than 10 MB.' },
  'files.forbiddenType': {
    zh: '只接受 PDF、JPEG 或 PNG 文件（按文件内容识别）。',
    en: 'Only PDF, JPEG and PNG files are accepted (recognised from their content).',
  },
  'files.badRequest': {
    zh: '上传请求格式不正确，请使用 multipart/form-data。',
    en: 'Send the file as multipart/form-data.',
  },
  'files.notFound': { zh: '未找到该文件。', en: 'File not found.' },
  'files.signIn': { zh: '请先登录。', en: 'Sign in first.' },
  'files.tooManyUnattached': {
    zh: '您已上传 30 个尚未使用的文件，请先将其附于事项后再上传。',
    en: 'You already have 30 uploaded files not yet attached to anything. Attach them to a case before uploading more.',
  },
});

type ContextFactory = (request: IncomingMessage, response: ServerResponse) => Promise<RequestContext>;

function fail(response: Response, status: number, code: string, locale: Locale, key: string): void {
  if (!response.headersSent) response.status(status).json({ error: { code, message: translate(locale, key) } });
}

const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029<>:"/\\|?*]/gu;

/** A file name safe to store and to send back in Content-Disposition, ending in the sniffed type's extension. */
export function sanitizeFileName(raw: string | undefined, extension: string): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let name = base.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  const stem = (dot > 0 ? name.slice(0, dot) : name).slice(0, 100).trim() || 'file';
  return `${stem}.${extension}`;
}

async function contextOrNull(context: ContextFactory, request: Request, response: Response) {
  try {
    const ctx = await context(request, response);
    return ctx.viewer.userId ? ctx : null;
  } catch {
    return null;
  }
}

/** Reads the one file of a multipart request, refusing more than maxBytes. */
function readUpload(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; data: Buffer; filename: string } | { ok: false; reason: 'noFile' | 'tooLarge' | 'badRequest' }> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: maxBytes, fields: 10, parts: 20 },
      });
    } catch {
      resolve({ ok: false, reason: 'badRequest' });
      return;
    }
    let result: { data: Buffer; filename: string } | null = null;
    let tooLarge = false;
    let settled = false;
    const finish = (value: Parameters<typeof resolve>[0]) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || result) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        tooLarge = true;
        chunks.length = 0;
      });
      stream.on('end', () => {
        if (!tooLarge) result = { data: Buffer.concat(chunks), filename: info.filename };
      });
    });
    parser.on('error', () => finish({ ok: false, reason: 'badRequest' }));
    parser.on('close', () => {
      if (tooLarge) finish({ ok: false, reason: 'tooLarge' });
      else if (!result || result.data.length === 0) finish({ ok: false, reason: 'noFile' });
      else finish({ ok: true, ...result });
    });
    request.pipe(parser);
  });
}

/** Mounts POST /uploads and GET /files/:id on the app. */
export function mountFileRoutes(app: Express, context: ContextFactory, store: FileStore = defaultFileStore): void {
  app.post('/uploads', async (request, response, next) => {
    const locale = localeFromAcceptLanguage(request.headers['accept-language']);
    try {
      const ctx = await contextOrNull(context, request, response);
      if (!ctx) {
        request.resume();
        fail(response, 401, 'UNAUTHENTICATED', locale, 'files.signIn');
        return;
      }
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > MAX_FILE_BYTES + 64 * 1024) {
        request.resume();
        fail(response, 413, 'FILE_TOO_LARGE', locale, 'files.tooLarge');
        return;
      }
      const unattached = await ctx.em.count(StoredFile, unattachedUploadsOf(ctx.deps, ctx.viewer.userId!));
      if (unattached >= MAX_UNATTACHED_FILES) {
        request.resume();
        fail(response, 409, 'TOO_MANY_UNATTACHED_FILES', locale, 'files.tooManyUnattached');
        return;
      }
      const upload = await readUpload(request, MAX_FILE_BYTES);
      if (!upload.ok) {
        const status = upload.reason === 'tooLarge' ? 413 : 400;
        const code = upload.reason === 'tooLarge' ? 'FILE_TOO_LARGE' : 'BAD_REQUEST';
        fail(response, status, code, locale, `files.${upload.reason}`);
        return;
      }
      const sniffed = await fileTypeFromBuffer(upload.data);
      const extension = sniffed ? ALLOWED_FILE_TYPES[sniffed.mime] : undefined;
      if (!sniffed || !extension) {
        fail(response, 415, 'UNSUPPORTED_FILE_TYPE', locale, 'files.forbiddenType');
        return;
      }
      const file = await ctx.em.transactional(async (em) => {
        const created = em.create(StoredFile, {
          ownerUserId: ctx.viewer.userId!,
          name: sanitizeFileName(upload.filename, extension),
          contentType: sniffed.mime,
          size: upload.data.length,
          sha256: createHash('sha256').update(upload.data).digest('hex'),
          attachedTo: null,
          createdAt: ctx.deps.clock.now(),
        });
        em.persist(created);
        await em.flush();
        await store.put(em, created.id, upload.data);
        return created;
      });
      response.status(201).json({
        id: toGlobalId(FILE_TYPE_NAME, file.id),
        name: file.name,
        contentType: file.contentType,
        size: file.size,
      });
    } catch (error) {
      next(error);
    }
  });

  app.get('/files/:id', async (request, response, next) => {
    const locale = localeFromAcceptLanguage(request.headers['accept-language']);
    try {
      const ctx = await contextOrNull(context, request, response);
      if (!ctx) {
        fail(response, 401, 'UNAUTHENTICATED', locale, 'files.signIn');
        return;
      }
      const decoded = fromGlobalId(String(request.params.id));
      const file =
        decoded && decoded.type === FILE_TYPE_NAME ? await ctx.em.findOne(StoredFile, { id: decoded.id }) : null;
      // What the viewer may not read is answered exactly as a file that does not exist.
      if (!file || !(await canReadFile(ctx, file))) {
        fail(response, 404, 'NOT_FOUND', locale, 'files.notFound');
        return;
      }
      const data = await store.get(ctx.em, file.id);
      if (!data) {
        fail(response, 404, 'NOT_FOUND', locale, 'files.notFound');
        return;
      }
      response.setHeader('Content-Type', file.contentType);
      response.setHeader('Content-Length', String(data.length));
      response.setHeader('Cache-Control', 'private, no-store');
      response.setHeader(
        'Content-Disposition',
        `attachment; filename="${file.name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      );
      response.end(data);
    } catch (error) {
      next(error);
    }
  });
}
