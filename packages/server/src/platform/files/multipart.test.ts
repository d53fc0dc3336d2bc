import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createErrorHandler } from '../http/problems.ts';
import { readUpload, registerMultipart } from './multipart.ts';
import { samples } from './samples.ts';

const MAX = 1000;
let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  app.setErrorHandler(createErrorHandler());
  await registerMultipart(app, { maxUploadBytes: 10_000 });
  app.post('/upload', async (request) => {
    const upload = await readUpload(request, { maxBytes: MAX });
    return { ...upload, bytes: upload.bytes.toString('base64') };
  });
  await app.ready();
});
afterAll(() => app.close());

type Part = { name: string; value: string | Buffer; fileName?: string; type?: string };
const BOUNDARY = '----yiwang-test-boundary';

function form(parts: Part[]) {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName !== undefined ? `; filename="${part.fileName}"` : ''}`;
    const type = part.type ? `\r\nContent-Type: ${part.type}` : '';
    pieces.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    pieces.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    pieces.push(Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    method: 'POST' as const,
    url: '/upload',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat(pieces),
  };
}

const file = (value: Buffer, fileName = '身份证.png', type = 'image/png'): Part => ({
  name: 'file',
  value,
  fileName,
  type,
});

describe('reading an upload', () => {
  it('returns the file, its declared type and name, and the text fields', async () => {
    const png = samples.png();
    const res = await app.inject(
      form([{ name: 'purpose', value: 'id_card' }, file(png), { name: 'note', value: '正面' }]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      fileName: '身份证.png',
      declaredType: 'image/png',
      bytes: png.toString('base64'),
      fields: { purpose: 'id_card', note: '正面' },
    });
  });

  it('accepts a file of exactly the limit', async () => {
    const res = await app.inject(form([file(Buffer.alloc(MAX, 1))]));
    expect(res.statusCode).toBe(200);
  });

  it('stops a file over the limit with file_too_large', async () => {
    const res = await app.inject(form([file(Buffer.alloc(MAX + 1, 1))]));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'file_too_large',
      errors: [{ field: 'body.file', params: { maxBytes: MAX } }],
    });
  });

  it('asks for the file when there is none, naming the field', async () => {
    const res = await app.inject(form([{ name: 'purpose', value: 'id_card' }]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'body.file', code: 'required' }],
    });
  });

  it('refuses a file under another field name', async () => {
    const res = await app.inject(form([{ ...file(samples.png()), name: 'photo' }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.photo', code: 'unknown_field' }),
        expect.objectContaining({ field: 'body.file', code: 'required' }),
      ]),
    );
  });

  it('refuses a second file', async () => {
    const res = await app.inject(form([file(samples.png()), file(samples.jpeg(), 'b.jpg', 'image/jpeg')]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ field: 'body.file', code: 'too_many_files' }] });
  });

  it('refuses a request that is not multipart', async () => {
    const res = await app.inject({ method: 'POST', url: '/upload', payload: { file: 'x' } });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type' });
  });
});
