import { z } from 'zod';

/** A field that failed validation: where it is, and a stable code a client can translate. */
export const fieldErrorSchema = z.object({
  field: z.string().describe('Where the value is, e.g. body.description'),
  code: z.string().describe('Stable machine code of the rule that failed'),
  message: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});

/** RFC 9457 problem details, with a stable `code` that clients switch on. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  allowedActions: z.array(z.string()).optional(),
});

export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The stable codes of problems the platform itself raises. */
export const problemCodes = [
  'validation_failed',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
  'not_found',
  'method_not_allowed',
  'rate_limited',
  'not_ready',
  'internal_error',
] as const;
export type ProblemCode = (typeof problemCodes)[number];
