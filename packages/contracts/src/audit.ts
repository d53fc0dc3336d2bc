import { z } from 'zod';

export const auditOutcomeSchema = z.enum(['success', 'denied', 'failure']);

/** An audit event as the security auditor sees it: ids, hashes and field names, no content. */
export const auditEventSchema = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  actorOrgUnitId: z.uuid().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: auditOutcomeSchema,
  clientIp: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  leafIndex: z.number().int().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEventQuerySchema = z.strictObject({
  action: z.string().trim().max(100).optional().describe('prefix, e.g. "auth." or "app_user."'),
  outcome: auditOutcomeSchema.optional(),
  actorUserId: z.uuid().optional(),
  targetId: z.string().trim().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.uuid().optional().describe('cursor: the id of the last event of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditEventQuery = z.infer<typeof auditEventQuerySchema>;

export const auditEventPageSchema = z.object({
  items: z.array(auditEventSchema),
  nextBefore: z.uuid().nullable(),
});

export const auditCheckpointSchema = z.object({
  treeSize: z.number().int(),
  rootHash: z.string(),
  madeAt: z.iso.datetime({ offset: true }),
  keyId: z.string(),
});

export const auditStatusSchema = z.object({
  events: z.number().int(),
  sequenced: z.number().int(),
  pending: z.number().int(),
  lastCheckpoint: auditCheckpointSchema.nullable(),
  checkpoints: z.array(auditCheckpointSchema),
});
export type AuditStatus = z.infer<typeof auditStatusSchema>;

export const inclusionProofSchema = z.object({
  eventId: z.uuid(),
  leafIndex: z.number().int(),
  treeSize: z.number().int(),
  leafHash: z.string(),
  rootHash: z.string(),
  proof: z.array(z.string()),
});

export const consistencyProofQuerySchema = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export const consistencyProofSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  fromRoot: z.string(),
  toRoot: z.string(),
  proof: z.array(z.string()),
});
