import type { TestApp } from '../helpers/app.js';

// Real files for the upload tests: the smallest valid PDF, PNG and JPEG, and a way to send them over HTTP.

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
  0x00, 0xff, 0xd9,
]);
export const GIF = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');

export interface UploadAnswer {
  status: number;
  body: { id?: string; name?: string; contentType?: string; size?: number; error?: { code: string; message: string } };
}

export async function upload(
  app: TestApp,
  token: string | null,
  data: Buffer,
  filename: string,
  options: { language?: string; field?: string; declaredType?: string } = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  form.append(options.field ?? 'file', new Blob([data], { type: options.declaredType ?? 'application/pdf' }), filename);
  const headers: Record<string, string> = { 'accept-language': options.language ?? 'en' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${app.url}/uploads`, { method: 'POST', body: form, headers });
  return { status: response.status, body: (await response.json()) as UploadAnswer['body'] };
}

export async function download(app: TestApp, token: string | null, id: string) {
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${app.url}/files/${id}`, { headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes, headers: response.headers };
}
