import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import {
  createErrorHandler,
  type DenialRecorder,
  NotFoundProblem,
  RateLimitedProblem,
  sendProblem,
} from './problems.ts';

export type HttpOptions = {
  logger: Logger;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  trustProxy: boolean;
  recordDenial?: DenialRecorder;
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The HTTP server every module registers on: validation, problems, security headers, limits. */
export async function createHttpServer(options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    forceCloseConnections: 'idle',
    // A caller's request id is kept when it looks like one, so a trace spans systems.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    },
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(createErrorHandler(options.recordDenial));
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new NotFoundProblem()));
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(helmet, { contentSecurityPolicy: { directives: contentSecurityPolicy } });
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) => new RateLimitedProblem(ctx.ttl),
  });
  await registerOpenApi(app);
  return app;
}

const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Yiwang (一网) API',
        version: '1',
        description:
          'The API of the Yiwang e-government platform. Errors are application/problem+json (RFC 9457).',
      },
      servers: [{ url: '/' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
