import { type Problem, problemSchema } from '@yiwang/contracts';
import type { z } from 'zod';

/** A failed API call, carrying the server's problem details (RFC 9457). */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  init?: RequestInit,
): Promise<z.infer<S>> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = problemSchema.safeParse(body);
    throw new ApiProblem(
      parsed.success
        ? parsed.data
        : { type: 'about:blank', title: response.statusText, status: response.status, code: 'http_error' },
    );
  }
  return schema.parse(body);
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S) => request(path, schema),
  post: <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
    request(path, schema, { method: 'POST', body: JSON.stringify(body) }),
};
