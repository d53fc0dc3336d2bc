import { z } from 'zod';

const label = z.object({ zh: z.string(), en: z.string() });
const instant = z.iso.datetime({ offset: true });
const legalDate = z.iso.date();

export const fieldDefSchema = z.object({
  name: z.string(),
  label,
  type: z.enum(['text', 'integer', 'date', 'choice']),
  required: z.boolean(),
  maxLength: z.number().int().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(z.object({ value: z.string(), label })).optional(),
});
export type FieldDefinition = z.infer<typeof fieldDefSchema>;

export const processSummarySchema = z.object({
  code: z.string(),
  version: z.number().int(),
  system: z.string(),
  name: label,
  form: z.array(fieldDefSchema),
  materials: z.array(z.object({ slot: z.string(), name: label })),
  states: z.array(z.object({ code: z.string(), label, terminal: z.boolean() })),
  actions: z.array(z.object({ code: z.string(), label })),
  clocks: z.array(
    z.object({ code: z.string(), label, basis: z.string(), limit: z.number(), unit: z.string() }),
  ),
});
export type ProcessSummary = z.infer<typeof processSummarySchema>;
export const processListSchema = z.object({ items: z.array(processSummarySchema) });

export const createCaseSchema = z.strictObject({
  process: z.string().min(1).max(60),
  unitId: z.uuid(),
  title: z.string().trim().min(2).max(200),
  form: z.record(z.string(), z.unknown()).default({}),
});
export type CreateCase = z.infer<typeof createCaseSchema>;

export const idempotencyKeyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, '8 to 100 letters, digits, - or _')
    .optional(),
});

export const caseActionRequestSchema = z.strictObject({
  expectedVersion: z.number().int().positive(),
  input: z.record(z.string(), z.unknown()).default({}),
});
export type CaseActionRequest = z.infer<typeof caseActionRequestSchema>;

export const caseActionParamsSchema = z.object({
  id: z.uuid(),
  action: z.string().regex(/^[a-z][a-z0-9_]{1,60}$/),
});

export const caseSummarySchema = z.object({
  id: z.uuid(),
  trackingNumber: z.string(),
  process: z.object({ code: z.string(), version: z.number().int(), name: label, system: z.string() }),
  title: z.string(),
  state: z.object({ code: z.string(), label, terminal: z.boolean() }),
  owningUnit: z.object({ id: z.uuid(), name: label }),
  receivedOn: legalDate,
  dueAt: instant.nullable(),
  dueClock: z.string().nullable(),
  overdue: z.boolean(),
  provisional: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
  closedAt: instant.nullable(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const clockViewSchema = z.object({
  code: z.string(),
  label,
  basis: z.string(),
  limit: z.number(),
  unit: z.enum(['working_days', 'calendar_days', 'hours']),
  status: z.enum(['not_started', 'running', 'paused', 'stopped']),
  startDay: legalDate.nullable(),
  dueAt: instant.nullable(),
  dueDay: legalDate.nullable(),
  remaining: z
    .object({
      workingDays: z.number().optional(),
      calendarDays: z.number().optional(),
      hours: z.number().optional(),
    })
    .nullable(),
  overdue: z.boolean(),
  provisional: z.boolean(),
  calendarVersion: z.string().nullable(),
  pausedDays: z.number(),
  extendedBy: z.number(),
});
export type ClockView = z.infer<typeof clockViewSchema>;

export const timelineEntrySchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  label,
  fromState: z.string().nullable(),
  toState: z.string(),
  actorName: z.string(),
  at: instant,
  input: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const allowedActionSchema = z.object({
  code: z.string(),
  label,
  fields: z.array(fieldDefSchema),
  attachments: z.array(z.string()),
});
export type AllowedAction = z.infer<typeof allowedActionSchema>;

export const caseAttachmentSchema = z.object({
  id: z.uuid(),
  slot: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  scanStatus: z.string(),
  uploadedAt: instant,
});
export type CaseAttachment = z.infer<typeof caseAttachmentSchema>;

export const caseDetailSchema = z.object({
  case: caseSummarySchema,
  form: z.record(z.string(), z.unknown()),
  formFields: z.array(fieldDefSchema),
  clocks: z.array(clockViewSchema),
  timeline: z.array(timelineEntrySchema),
  allowedActions: z.array(allowedActionSchema),
  materials: z.array(z.object({ slot: z.string(), name: label, required: z.boolean() })),
  attachments: z.array(caseAttachmentSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const createdCaseSchema = caseDetailSchema.extend({
  lookupCode: z.string().describe('Shown once: with the tracking number, anyone can follow the case'),
});
export type CreatedCase = z.infer<typeof createdCaseSchema>;

export const listCasesQuerySchema = z.strictObject({
  system: z.string().max(40).optional(),
  process: z.string().max(60).optional(),
  state: z.string().max(60).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export const caseListSchema = z.object({
  items: z.array(caseSummarySchema.extend({ allowedActions: z.array(z.string()) })),
  total: z.number().int(),
});
export type CaseList = z.infer<typeof caseListSchema>;

export const trackCaseQuerySchema = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^\d{6}-\d{8}-\d{6}$/, 'a tracking number such as 230100-20261128-000123'),
  code: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[0-9A-Z]{10}$/, 'the 10-character lookup code')),
});

export const trackedCaseSchema = z.object({
  trackingNumber: z.string(),
  process: label,
  title: z.string(),
  state: z.object({ code: z.string(), label, terminal: z.boolean() }),
  owningUnit: label,
  receivedOn: legalDate,
  dueAt: instant.nullable(),
  closedAt: instant.nullable(),
  timeline: z.array(z.object({ label, at: instant, toState: label })),
});
export type TrackedCase = z.infer<typeof trackedCaseSchema>;

export const caseTaskSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  clock: z.string().nullable(),
  status: z.enum(['open', 'done']),
  createdAt: instant,
  doneAt: instant.nullable(),
  dueAt: instant.nullable(),
  note: z.string().nullable(),
  case: z.object({ id: z.uuid(), trackingNumber: z.string(), title: z.string(), dueAt: instant.nullable() }),
  unit: z.object({ id: z.uuid(), name: label }),
});
export type CaseTask = z.infer<typeof caseTaskSchema>;
export const caseTaskListSchema = z.object({ items: z.array(caseTaskSchema) });
export const completeTaskSchema = z.strictObject({ note: z.string().trim().min(2).max(1000) });
