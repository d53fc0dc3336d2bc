import { type Problem, problemSchema } from '@yiwang/contracts';
import type { z } from 'zod';
import { currentCsrfToken, rememberCsrfToken, signalUnauthenticated } from './session.ts';

/** A failed API call, carrying the server's problem details (RFC 9457). */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

/** Calls whose 401 is an answer, not a lost session: who-am-I and the password step itself. */
const answersUnauthenticated = new Set(['/api/v1/me', '/api/v1/auth/login']);

async function send(path: string, init?: RequestInit): Promise<Response> {
  const token = currentCsrfToken();
  const unsafe = init?.method !== undefined && init.method !== 'GET';
  return fetch(path, {
    ...init,
    headers: {
      accept: 'application/json',
      // A multipart body (FormData) sets its own content type, with the boundary.
      ...(typeof init?.body === 'string' ? { 'content-type': 'application/json' } : {}),
      ...(unsafe && token ? { 'x-csrf-token': token } : {}),
      ...(init?.headers as Record<string, string> | undefined),
    },
  });
}

async function request(path: string, init?: RequestInit, retried = false): Promise<unknown> {
  const response = await send(path, init).catch(() => undefined);
  if (!response) {
    throw new ApiProblem({ type: 'about:blank', title: 'network', status: 0, code: 'network_error' });
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
  if (response.ok) {
    const token = (body as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof token === 'string') rememberCsrfToken(token);
    return body;
  }
  const parsed = problemSchema.safeParse(body);
  const problem: Problem = parsed.success
    ? parsed.data
    : { type: 'about:blank', title: response.statusText, status: response.status, code: 'http_error' };
  // A token from another tab's sign-in: fetch the current one and try once more.
  if (problem.code === 'csrf_failed' && !retried) {
    await request('/api/v1/me').catch(() => undefined);
    return request(path, init, true);
  }
  if (response.status === 401 && !answersUnauthenticated.has(path.split('?')[0] ?? path)) {
    rememberCsrfToken(undefined);
    signalUnauthenticated();
  }
  throw new ApiProblem(problem);
}

export const api = {
  get: async <S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> =>
    schema.parse(await request(path)),
  post: async <S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    headers?: Record<string, string>,
  ): Promise<z.infer<S>> =>
    schema.parse(await request(path, { method: 'POST', body: JSON.stringify(body ?? {}), headers })),
  put: async <S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>> =>
    schema.parse(await request(path, { method: 'PUT', body: JSON.stringify(body ?? {}) })),
  /** A multipart POST (a file and its fields). */
  upload: async <S extends z.ZodType>(path: string, body: FormData, schema: S): Promise<z.infer<S>> =>
    schema.parse(await request(path, { method: 'POST', body })),
  /** A POST whose success has no body to read (204). */
  command: async (path: string, body?: unknown): Promise<void> => {
    await request(path, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  },
};

/** A query string from the values that are set. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
