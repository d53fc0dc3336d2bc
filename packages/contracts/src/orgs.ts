import { z } from 'zod';

const legalDate = z.iso.date();
const names = { nameZh: z.string().trim().min(2).max(100), nameEn: z.string().trim().min(2).max(200) };

export const orgUnitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.enum(['division', 'department']),
  name: z.object({ zh: z.string(), en: z.string() }),
  divisionCode: z.string(),
  territorialParentId: z.uuid().nullable(),
  lineParentId: z.uuid().nullable(),
  creditCode: z.string().nullable(),
  establishedOn: legalDate,
  retiredOn: legalDate.nullable(),
  successorId: z.uuid().nullable(),
  childCount: z.number().int(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const orgTreeSchema = z.enum(['territorial', 'line']);

export const listOrgUnitsQuerySchema = z.strictObject({
  tree: orgTreeSchema.default('territorial'),
  parentId: z.uuid().optional(),
  q: z.string().trim().min(1).max(50).optional(),
  includeRetired: z.enum(['true', 'false']).default('false'),
});
export type ListOrgUnitsQuery = z.infer<typeof listOrgUnitsQuerySchema>;

export const orgUnitListSchema = z.object({ items: z.array(orgUnitSchema) });

export const orgUnitDetailSchema = z.object({
  unit: orgUnitSchema,
  territorialAncestors: z.array(orgUnitSchema.pick({ id: true, code: true, name: true })),
  lineAncestors: z.array(orgUnitSchema.pick({ id: true, code: true, name: true })),
  nameHistory: z.array(
    z.object({
      name: z.object({ zh: z.string(), en: z.string() }),
      validFrom: legalDate,
      validTo: legalDate.nullable(),
      reason: z.string(),
    }),
  ),
});

export const createOrgUnitSchema = z.strictObject({
  ...names,
  code: z
    .string()
    .trim()
    .regex(/^[0-9]{6}-[A-Z0-9]{2,12}$/, 'division code, a hyphen, then 2–12 capitals or digits'),
  divisionCode: z.string().regex(/^[0-9]{6}$/),
  lineParentId: z.uuid().nullable().default(null),
  creditCode: z.string().trim().toUpperCase().length(18).nullable().default(null),
  establishedOn: legalDate,
});
export type CreateOrgUnit = z.infer<typeof createOrgUnitSchema>;

export const renameOrgUnitSchema = z.strictObject({
  ...names,
  effectiveOn: legalDate,
  reason: z.string().trim().min(2).max(500),
});
export type RenameOrgUnit = z.infer<typeof renameOrgUnitSchema>;

export const retireOrgUnitSchema = z.strictObject({
  effectiveOn: legalDate,
  successorId: z.uuid().nullable().default(null),
  reason: z.string().trim().min(2).max(500),
});
export type RetireOrgUnit = z.infer<typeof retireOrgUnitSchema>;

export const mergeOrgUnitSchema = z.strictObject({
  intoId: z.uuid(),
  effectiveOn: legalDate,
  reason: z.string().trim().min(2).max(500),
});
export type MergeOrgUnit = z.infer<typeof mergeOrgUnitSchema>;

export const idParamSchema = z.strictObject({ id: z.uuid() });
