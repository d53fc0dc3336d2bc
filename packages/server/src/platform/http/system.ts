import { healthSchema, readinessSchema } from '@yiwang/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';

/** Liveness, readiness and Prometheus metrics: what a load balancer and a monitor ask. */
export function registerSystemRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true };
  r.get('/healthz', { schema: { ...hide, response: { 200: healthSchema } } }, async () => ({
    status: 'ok' as const,
  }));
  r.get(
    '/readyz',
    { schema: { ...hide, response: { 200: readinessSchema, 503: readinessSchema } } },
    async (_req, reply) => {
      const readiness = await checkReadiness(db);
      return reply.status(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );
  registerMetrics(app);
}

async function checkReadiness(db: Db) {
  try {
    await sql`SELECT 1`.execute(db);
    const pending = await pendingMigrations(db);
    return {
      status: pending.length === 0 ? ('ready' as const) : ('not_ready' as const),
      database: 'up' as const,
      pendingMigrations: pending,
    };
  } catch {
    return { status: 'not_ready' as const, database: 'down' as const, pendingMigrations: [] };
  }
}

function registerMetrics(app: FastifyInstance): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'yiwang_' });
  const duration = new Histogram({
    name: 'yiwang_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL, keeps the label set small and free of ids.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
