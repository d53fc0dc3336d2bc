import { z } from 'zod';

const legalDate = z.iso.date();
const holidayName = z.string().trim().min(1).max(20);

export const calendarNoticeSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  holidays: z.record(legalDate, holidayName),
  workdays: z.record(legalDate, holidayName).default({}),
  source: z.string().trim().min(2).max(200).describe('e.g. 国办发明电〔2026〕12号'),
  issuedOn: legalDate.optional(),
});
export type CalendarNoticeInput = z.infer<typeof calendarNoticeSchema>;

export const enterCalendarVersionSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/, 'letters, digits, . _ : - (at most 80)'),
  note: z.string().trim().min(2).max(500),
  notices: z.array(calendarNoticeSchema).min(1).max(5),
});
export type EnterCalendarVersion = z.infer<typeof enterCalendarVersionSchema>;

export const calendarVersionSchema = z.object({
  id: z.string(),
  effectiveFrom: z.iso.datetime({ offset: true }),
  note: z.string(),
  years: z.array(z.number().int()),
  sources: z.array(z.string()),
  enteredBy: z.string().nullable(),
  builtIn: z.boolean(),
});
export const calendarVersionListSchema = z.object({ items: z.array(calendarVersionSchema) });

export const enteredCalendarVersionSchema = z.object({
  version: calendarVersionSchema,
  recomputed: z.number().int().describe('running clocks whose due time moved'),
});

export const calendarYearQuerySchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarYearSchema = z.object({
  year: z.number().int(),
  provisional: z.boolean(),
  source: z.string().nullable(),
  days: z.array(
    z.object({
      date: legalDate,
      workday: z.boolean(),
      holidayName: z.string().nullable(),
      compensates: z.string().nullable(),
    }),
  ),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const provisionalClockListSchema = z.object({
  items: z.array(
    z.object({
      caseId: z.uuid(),
      trackingNumber: z.string(),
      clock: z.string(),
      dueAt: z.iso.datetime({ offset: true }).nullable(),
      calendarVersion: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
});
