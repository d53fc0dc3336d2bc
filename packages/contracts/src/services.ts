import { z } from 'zod';

/**
 * The service catalogue (事项清单) and its guides (办事指南): what 行政许可法第30条 asks a licensing
 * agency to publish for each service, and the application form an applicant fills in.
 */

const label = z.object({ zh: z.string(), en: z.string() });
const instant = z.iso.datetime({ offset: true });
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** The kinds of administrative power and service in a catalogue (权力清单 / 公共服务事项). */
export const serviceCategories = [
  '行政许可',
  '行政确认',
  '行政给付',
  '行政奖励',
  '行政裁决',
  '其他行政权力',
  '公共服务',
] as const;
export const serviceCategorySchema = z.enum(serviceCategories);

/** The file types a material may be handed in as: what the platform's upload check accepts. */
export const materialFormats = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/ofd',
] as const;
export const materialFormatSchema = z.enum(materialFormats);

export const serviceCodeSchema = z
  .string()
  .trim()
  .regex(
    /^[0-9]{6}-[A-Z0-9]{2,12}(-[A-Z0-9]{1,12}){1,3}$/,
    'the owning unit’s code, then one to three parts of capitals or digits, e.g. 230100-SCJG-XK-001',
  );

const tag = text(1, 20);
const tags = z
  .array(tag)
  .max(10)
  .default([])
  .transform((v) => [...new Set(v)]);

export const serviceMaterialInputSchema = z.strictObject({
  slot: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _, starting with a letter'),
  name: z.strictObject({ zh: text(2, 100), en: text(2, 200) }),
  required: z.boolean(),
  formats: z.array(materialFormatSchema).min(1).max(materialFormats.length),
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .optional(),
  note: text(1, 500).optional(),
  sampleText: text(1, 4000)
    .optional()
    .describe('a filled-in sample (示范文本) or what a good copy looks like'),
});
export type ServiceMaterialInput = z.infer<typeof serviceMaterialInputSchema>;

export const timeLimitInputSchema = z.strictObject({
  joint: z
    .boolean()
    .default(false)
    .describe(
      'joint or centralised handling (行政许可法第26条): 45 working days unless another law says otherwise',
    ),
  limit: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .describe('working days; 20 (行政许可法第42条) or 45 when joint unless given'),
  unit: z.literal('working_days').default('working_days'),
  basis: text(4, 500).optional().describe('the article that sets the limit'),
  extendBy: z
    .number()
    .int()
    .min(0)
    .max(60)
    .optional()
    .describe('working days the agency head may add: 10 (第42条), 15 when joint, unless given'),
});

export const feeInputSchema = z.strictObject({
  amountYuan: z.number().positive().max(10_000_000),
  basis: z
    .string()
    .trim()
    .max(500)
    .nullable()
    .optional()
    .describe('the law or administrative regulation that sets the fee (行政许可法第58条)'),
});

/** The content of a version, as a department administrator writes it. */
export const serviceVersionInputSchema = z.strictObject({
  name: z.strictObject({ zh: text(2, 100), en: text(2, 200) }),
  category: serviceCategorySchema.default('行政许可'),
  legalBasis: text(4, 4000),
  conditions: text(2, 4000),
  materials: z.array(serviceMaterialInputSchema).max(30).default([]),
  formSchema: z
    .record(z.string(), z.unknown())
    .describe('the application form: a JSON Schema (draft-07) of type object, as @rjsf/antd renders it'),
  uiSchema: z.record(z.string(), z.unknown()).default({}).describe('the form’s uiSchema for @rjsf'),
  timeLimit: timeLimitInputSchema.default({ joint: false, unit: 'working_days' }),
  committedDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .nullable()
    .default(null)
    .describe('承诺时限: at most the legal limit; 0 only for services decided on the spot'),
  onTheSpot: z.boolean().default(false).describe('may be decided on the spot (即办)'),
  fee: feeInputSchema.nullable().default(null).describe('null: no fee (行政许可法第58条)'),
  divisionCodes: z
    .array(z.string().regex(/^[0-9]{6}$/))
    .max(200)
    .default([])
    .transform((v) => [...new Set(v)])
    .describe('GB/T 2260 divisions where it is offered; the owning unit’s division when empty'),
  contact: text(2, 500),
  themes: tags,
  lifeEvents: tags,
  hearingRights: z
    .boolean()
    .default(false)
    .describe(
      'the licence may touch others’ major interests: they are told of a hearing (行政许可法第36、47条)',
    ),
  fourEyes: z
    .boolean()
    .default(false)
    .describe('the reviewer may not also approve (a department’s internal control)'),
  substantiveCheck: z
    .boolean()
    .default(false)
    .describe('the substance of the materials is verified by two or more staff (行政许可法第34条)'),
});
export type ServiceVersionInput = z.infer<typeof serviceVersionInputSchema>;

export const createServiceSchema = serviceVersionInputSchema.extend({
  code: serviceCodeSchema,
  unitId: z.uuid(),
});
export type CreateService = z.infer<typeof createServiceSchema>;

export const serviceParamsSchema = z.object({ id: z.uuid() });
export const serviceVersionParamsSchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1).max(100_000),
});

export const serviceMaterialSchema = z.object({
  slot: z.string(),
  name: label,
  required: z.boolean(),
  formats: z.array(z.string()),
  maxBytes: z.number().int().nullable(),
  note: z.string().nullable(),
  sampleText: z.string().nullable(),
});

export const serviceTimeLimitSchema = z.object({
  limit: z.number().int(),
  unit: z.literal('working_days'),
  basis: z.string(),
  extendBy: z.number().int(),
  joint: z.boolean(),
});

export const serviceFeeSchema = z.object({
  charged: z.boolean().describe('false: 不收费'),
  amountYuan: z.number().nullable(),
  basis: z.string().describe('the law that sets the fee, or 行政许可法第58条 when there is none'),
});

const unitBrief = z.object({ id: z.uuid(), code: z.string(), name: label });

/** One version of a service: for the public guide (published ones) and the administrator. */
export const serviceVersionSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'superseded']),
  owningUnit: unitBrief,
  name: label,
  category: z.string(),
  legalBasis: z.string(),
  conditions: z.string(),
  materials: z.array(serviceMaterialSchema),
  formSchema: z.record(z.string(), z.unknown()),
  uiSchema: z.record(z.string(), z.unknown()),
  timeLimit: serviceTimeLimitSchema,
  committedDays: z.number().int().nullable(),
  onTheSpot: z.boolean(),
  fee: serviceFeeSchema,
  divisions: z.array(z.object({ code: z.string(), name: z.string() })),
  contact: z.string(),
  themes: z.array(z.string()),
  lifeEvents: z.array(z.string()),
  hearingRights: z.boolean(),
  fourEyes: z.boolean(),
  substantiveCheck: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
  publishedAt: instant.nullable(),
  supersededAt: instant.nullable(),
  retiredAt: instant.nullable(),
});
export type ServiceVersion = z.infer<typeof serviceVersionSchema>;

export const serviceGuideQuerySchema = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .describe(
      'a version that was published (a case keeps the one it started with); the current one otherwise',
    ),
});

export const listServicesQuerySchema = z.strictObject({
  unitId: z.uuid().optional(),
  theme: tag.optional(),
  lifeEvent: tag.optional(),
  division: z
    .string()
    .regex(/^[0-9]{6}$/)
    .optional()
    .describe('services offered there, above it (a city’s for its districts) or below it'),
  q: z.string().trim().min(1).max(50).optional().describe('words to search for, in Chinese or English'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type ListServicesQuery = z.infer<typeof listServicesQuerySchema>;

const highlightPart = z.object({ text: z.string(), hit: z.boolean() });

export const serviceSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  versionId: z.uuid(),
  version: z.number().int(),
  name: label,
  category: z.string(),
  owningUnit: unitBrief,
  timeLimit: serviceTimeLimitSchema,
  committedDays: z.number().int().nullable(),
  onTheSpot: z.boolean(),
  charged: z.boolean(),
  themes: z.array(z.string()),
  lifeEvents: z.array(z.string()),
  divisionCodes: z.array(z.string()),
  publishedAt: instant,
  highlight: z
    .object({ name: z.array(highlightPart) })
    .optional()
    .describe('where the search words occur in the Chinese name, when searching'),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

export const serviceListSchema = z.object({
  items: z.array(serviceSummarySchema),
  total: z.number().int(),
});
export type ServiceList = z.infer<typeof serviceListSchema>;

const facet = z.object({ value: z.string(), count: z.number().int() });
export const serviceFacetsSchema = z.object({
  departments: z.array(unitBrief.extend({ count: z.number().int() })),
  themes: z.array(facet),
  lifeEvents: z.array(facet),
});
export type ServiceFacets = z.infer<typeof serviceFacetsSchema>;

export const serviceVersionListSchema = z.object({ items: z.array(serviceVersionSchema) });

/** The services a department administrator looks after, with their newest version. */
export const managedServicesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const managedServiceListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      owningUnit: unitBrief,
      latest: z.object({ version: z.number().int(), status: z.string(), name: label }),
      publishedVersion: z.number().int().nullable(),
      retiredAt: instant.nullable(),
    }),
  ),
  total: z.number().int(),
});
export type ManagedServiceList = z.infer<typeof managedServiceListSchema>;
