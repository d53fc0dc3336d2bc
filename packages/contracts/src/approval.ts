import { z } from 'zod';

const label = z.object({ zh: z.string(), en: z.string() });

/** 好差评: five levels from very satisfied (5) to very dissatisfied (1); the bottom two need a reason. */
export const rateCaseSchema = z.strictObject({
  caseId: z.uuid(),
  level: z.number().int().min(1).max(5),
  reason: z.string().trim().max(1000).optional(),
});
export type RateCase = z.infer<typeof rateCaseSchema>;

export const ratingSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  level: z.number().int(),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  followUpTaskId: z.uuid().nullable(),
});
export type Rating = z.infer<typeof ratingSchema>;

export const statisticsQuerySchema = z.strictObject({
  unitId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

const figures = {
  received: z.number().int(),
  accepted: z.number().int(),
  decided: z.number().int(),
  granted: z.number().int(),
  onTime: z.number().int(),
  /** Decided within the legal limit, out of those decided; null when none was decided. */
  onTimeShare: z.number().nullable(),
  averageWorkingDays: z.number().nullable(),
  ratings: z.number().int(),
  /** Share of ratings at 4 or 5; null without ratings. */
  satisfaction: z.number().nullable(),
};

export const statisticsSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  province: z.object(figures),
  departments: z.array(z.object({ unit: z.object({ id: z.uuid(), name: label }), ...figures })),
  months: z.array(
    z.object({
      month: z.string(),
      received: z.number().int(),
      decided: z.number().int(),
      onTime: z.number().int(),
    }),
  ),
});
export type Statistics = z.infer<typeof statisticsSchema>;

export const submitApplicationSchema = z.strictObject({
  serviceId: z.uuid(),
  form: z.record(z.string(), z.unknown()),
});
export type SubmitApplication = z.infer<typeof submitApplicationSchema>;

export const serviceIdParamSchema = z.strictObject({ serviceId: z.uuid() });

export const saveDraftSchema = z.strictObject({
  form: z
    .record(z.string(), z.unknown())
    .refine((f) => JSON.stringify(f).length <= 65_536, 'a draft holds at most 64 KiB'),
});

export const applicationDraftSchema = z.object({
  serviceId: z.uuid(),
  form: z.record(z.string(), z.unknown()),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ApplicationDraft = z.infer<typeof applicationDraftSchema>;
