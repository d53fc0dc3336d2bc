import { type FieldError, type Problem, type ProblemCode, problemSchema } from '@yiwang/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * The one kind of error a route throws on purpose. It becomes `application/problem+json`
 * (RFC 9457) in exactly one place, `sendProblem`, with a stable code clients can switch on.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly extras: Partial<Pick<Problem, 'detail' | 'errors' | 'allowedActions'>> = {},
  ) {
    super(extras.detail ?? title);
  }
}

export class ValidationProblem extends HttpProblem {
  constructor(errors: FieldError[], detail?: string) {
    super(400, 'validation_failed', 'The request is not valid', { errors, detail });
  }
}

export class NotFoundProblem extends HttpProblem {
  constructor(detail?: string) {
    super(404, 'not_found', 'Not found', { detail });
  }
}

export class UnauthenticatedProblem extends HttpProblem {
  constructor(detail = 'sign in first') {
    super(401, 'unauthenticated', 'Not signed in', { detail });
  }
}

export class ForbiddenProblem extends HttpProblem {
  constructor(code = 'forbidden', detail?: string) {
    super(403, code, 'Not allowed', { detail });
  }
}

export class ConflictProblem extends HttpProblem {
  constructor(code: string, detail: string, allowedActions?: string[]) {
    super(409, code, 'Conflict', { detail, allowedActions });
  }
}

/** A policy's verdict: narrows on success, a 403 (audited as a denial) otherwise. */
export function authorize(allowed: boolean, detail = 'this action is not allowed for you'): asserts allowed {
  if (!allowed) throw new ForbiddenProblem('forbidden', detail);
}

export class RateLimitedProblem extends HttpProblem {
  constructor(retryAfterMs: number) {
    super(429, 'rate_limited', 'Too many requests', {
      detail: `retry in ${Math.ceil(retryAfterMs / 1000)} s`,
    });
  }
}

const frameworkProblems: Record<string, { status: number; code: ProblemCode; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', title: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', title: 'The JSON body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', title: 'The body is too large' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'malformed_json',
    title: 'The body does not match its length',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    title: 'This content type is not accepted',
  },
};

export function toProblem(error: FastifyError | HttpProblem | Error): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    return new ValidationProblem(
      error.validation.flatMap((v) => fieldErrors(where, v as unknown as Violation)),
    );
  }
  const known = frameworkProblems[(error as FastifyError).code ?? ''];
  if (known) return new HttpProblem(known.status, known.code, known.title, { detail: error.message });
  if (error instanceof SyntaxError)
    return new HttpProblem(400, 'malformed_json', 'The body is not valid JSON');
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return new HttpProblem(status, 'bad_request', 'The request cannot be processed', {
      detail: error.message,
    });
  }
  return new HttpProblem(500, 'internal_error', 'Internal error');
}

type Violation = { keyword: string; instancePath: string; message: string; params: Record<string, unknown> };

function fieldErrors(where: string, v: Violation): FieldError[] {
  const base = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
  const keys = v.params.keys;
  if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
    return keys.map((k) => ({ field: `${base}.${k}`, code: 'unknown_field', message: 'Unknown field' }));
  }
  const params: Record<string, unknown> = {};
  for (const k of ['minimum', 'maximum', 'expected', 'format', 'values', 'origin'] as const) {
    if (v.params[k] !== undefined) params[k] = v.params[k];
  }
  // zod leaves the input out of its issues; its message is the one place that says "undefined".
  const missing = v.keyword === 'invalid_type' && v.message.endsWith('received undefined');
  return [{ field: base, code: missing ? 'required' : v.keyword, message: v.message, params }];
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: HttpProblem) {
  const body: Problem = {
    type: `urn:yiwang:problem:${problem.code}`,
    title: problem.title,
    status: problem.status,
    code: problem.code,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
    ...problem.extras,
  };
  return reply
    .status(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify(body));
}

export type DenialRecorder = (request: FastifyRequest, problem: HttpProblem) => Promise<void>;

/** The one error handler. Refusals (403) are also written to the audit trail. */
export function createErrorHandler(recordDenial?: DenialRecorder) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
    if (problem.status === 403 && recordDenial) {
      await recordDenial(request, problem).catch((e: unknown) =>
        request.log.error({ err: e }, 'denial not audited'),
      );
    }
    return sendProblem(request, reply, problem);
  };
}

/** The problem responses a route documents in OpenAPI: every error status is problem+json. */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof problemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<S, typeof problemSchema>;
}
