import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPortalDemo } from '../../src/modules/portal/seed.ts';
import { createTestApp } from '../harness/testApp.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';

let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedPortalDemo(t.db, new Date('2026-11-28T02:00:00Z'));
  app = await createTestApp(t.db);
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

const feedbackCount = async () =>
  (
    await t.db
      .selectFrom('site_feedback')
      .select(t.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('portal articles', () => {
  it('lists published notices newest first, in both languages', async () => {
    const res = await app.inject({ url: '/api/v1/portal/articles?category=notice&limit=2' });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(2);
    expect(items.every((a: { category: string }) => a.category === 'notice')).toBe(true);
    expect(Date.parse(items[0].publishedAt)).toBeGreaterThan(Date.parse(items[1].publishedAt));
    expect(items[0].title.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(items[0].title.en).toMatch(/[A-Za-z]/);
  });

  it('does not show an article before its publication time', async () => {
    await t.db
      .insertInto('portal_article')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        category: 'news',
        title_zh: '未来发布',
        title_en: 'Scheduled',
        summary_zh: '',
        summary_en: '',
        publisher_zh: '',
        publisher_en: '',
        published_at: new Date(Date.now() + 86_400_000),
      })
      .execute();
    const res = await app.inject({ url: '/api/v1/portal/articles?limit=50' });
    expect(res.json().items.map((a: { title: { en: string } }) => a.title.en)).not.toContain('Scheduled');
  });

  it('refuses a limit out of range with the field at fault', async () => {
    const res = await app.inject({ url: '/api/v1/portal/articles?limit=500' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'querystring.limit' }] });
  });
});

describe('site feedback (网站纠错)', () => {
  const valid = { page: '/services', category: 'broken_link', description: '办事指南链接打不开' };

  it('records a report and returns a tracking code', async () => {
    const before = await feedbackCount();
    const res = await app.inject({ method: 'POST', url: '/api/v1/portal/site-feedback', payload: valid });
    expect(res.statusCode).toBe(201);
    const { trackingCode } = res.json();
    expect(trackingCode).toMatch(/^JC-\d{8}-[A-HJ-NP-Z2-9]{6}$/);
    const row = await t.db
      .selectFrom('site_feedback')
      .selectAll()
      .where('tracking_code', '=', trackingCode)
      .executeTakeFirst();
    expect(row).toMatchObject({ page: '/services', category: 'broken_link', status: 'received' });
    expect(row?.request_id).toBe(res.headers['x-request-id']);
    expect(await feedbackCount()).toBe(before + 1);
  });

  const bad: Array<[string, unknown, string, string]> = [
    ['an unknown field', { ...valid, admin: true }, 'body.admin', 'unknown_field'],
    ['a wrong type', { ...valid, description: 42 }, 'body.description', 'invalid_type'],
    ['a missing field', { page: '/x', category: 'other' }, 'body.description', 'required'],
    ['a value outside the list', { ...valid, category: 'spam' }, 'body.category', 'invalid_value'],
    ['a too short description', { ...valid, description: 'abc' }, 'body.description', 'too_small'],
    ['a page that is not a path', { ...valid, page: 'http://evil' }, 'body.page', 'invalid_format'],
  ];
  it.each(bad)('refuses %s, names the field and writes nothing', async (_what, payload, field, code) => {
    const before = await feedbackCount();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/site-feedback',
      payload: payload as object,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(problem.errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await feedbackCount()).toBe(before);
  });

  it('refuses malformed JSON with a problem, never a 500', async () => {
    const before = await feedbackCount();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/site-feedback',
      headers: { 'content-type': 'application/json' },
      payload: '{"page": "/x",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'malformed_json' });
    expect(await feedbackCount()).toBe(before);
  });

  it('refuses an oversize body with 413', async () => {
    const before = await feedbackCount();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/site-feedback',
      payload: { ...valid, description: 'x'.repeat(70 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
    expect(await feedbackCount()).toBe(before);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/site-feedback',
      headers: { 'content-type': 'text/xml' },
      payload: '<x/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type' });
  });
});
