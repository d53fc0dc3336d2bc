import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../harness/testApp.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';

let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t.db);
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

describe('operations endpoints', () => {
  it('/healthz says the process is alive', async () => {
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz says the database is reachable and fully migrated', async () => {
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: 'up', pendingMigrations: [] });
  });

  it('/readyz is 503 when a migration is missing', async () => {
    await t.owner
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', '0002_portal' as never)
      .execute();
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'not_ready', pendingMigrations: ['0002_portal'] });
    await t.owner
      .insertInto('kysely_migration' as never)
      .values({ name: '0002_portal', timestamp: new Date().toISOString() } as never)
      .execute();
  });

  it('/metrics speaks Prometheus and counts requests by route pattern', async () => {
    await app.inject({ url: '/api/v1/portal/articles' });
    const res = await app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(
      /yiwang_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/portal\/articles",status="200"\} \d+/,
    );
    expect(res.body).toContain('yiwang_process_resident_memory_bytes');
  });
});

describe('HTTP conventions', () => {
  it('gives every response a request id, and keeps a well-formed one from the caller', async () => {
    const own = await app.inject({ url: '/healthz' });
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(given.headers['x-request-id']).toBe('trace-abc-12345');
    const hostile = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'a\nb<script>' } });
    expect(hostile.headers['x-request-id']).not.toContain('script');
  });

  it('sends security headers', async () => {
    const res = await app.inject({ url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('answers an unknown API path with a problem', async () => {
    const res = await app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'not_found', instance: '/api/v1/nothing-here' });
  });

  it('rate-limits a client that sends too much', async () => {
    const limited = await createTestApp(t.db, { rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.inject({ url: '/healthz' })).statusCode);
    const last = await limited.inject({ url: '/healthz' });
    await limited.close();
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ code: 'rate_limited' });
    expect(last.headers['retry-after']).toBeDefined();
  });
});

describe('OpenAPI', () => {
  it('is OpenAPI 3.1, generated from the zod schemas', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const post = doc.paths['/api/v1/portal/site-feedback'].post;
    expect(post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['page', 'category', 'description']),
    );
    expect(post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(
      doc.paths['/api/v1/portal/articles'].get.parameters.map((p: { name: string }) => p.name),
    ).toContain('limit');
  });

  it('serves interactive documentation at /api/docs', async () => {
    const res = await app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});
