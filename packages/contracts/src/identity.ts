import { z } from 'zod';

export const sessionStageSchema = z.enum([
  'second_factor',
  'enrol_second_factor',
  'password_change',
  'complete',
]);

export const loginSchema = z.strictObject({
  identifier: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .describe('Staff user name, resident ID number, or credit code'),
  password: z.string().min(1).max(256),
});
export type Login = z.infer<typeof loginSchema>;

export const secondFactorSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^(\d{6}|[A-Z0-9]{4}-[A-Z0-9]{4})$/, 'a 6-digit code or a recovery code'),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const membershipSchema = z.object({
  id: z.uuid().optional(),
  orgUnitId: z.uuid(),
  orgUnitCode: z.string(),
  orgUnitName: z.object({ zh: z.string(), en: z.string() }),
  roleCode: z.string(),
  reach: z.enum(['unit', 'subtree', 'line']),
});

export const meSchema = z.object({
  userId: z.uuid(),
  kind: z.enum(['staff', 'citizen', 'business']),
  displayName: z.string(),
  stage: sessionStageSchema,
  csrfToken: z.string(),
  verificationLevel: z.enum(['self_declared', 'staff_checked', 'provider_verified']),
  secondFactorEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  idNumberMasked: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  memberships: z.array(membershipSchema),
});
export type Me = z.infer<typeof meSchema>;

export const loginResultSchema = z.object({ stage: sessionStageSchema, csrfToken: z.string() });

export const totpEnrolmentSchema = z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() });
export const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()),
  stage: sessionStageSchema,
  csrfToken: z.string(),
});

export const sessionInfoSchema = z.object({
  id: z.string().describe('A short fingerprint of the session, not its secret'),
  current: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }),
  clientIp: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export const sessionListSchema = z.object({ items: z.array(sessionInfoSchema) });

const password = z.string().min(1).max(256);

export const registerCitizenSchema = z.strictObject({
  realName: z.string().trim().min(2).max(50),
  idNumber: z.string().trim().min(15).max(18),
  mobile: z.string().trim().min(11).max(20),
  password,
});
export type RegisterCitizen = z.infer<typeof registerCitizenSchema>;

export const registerBusinessSchema = z.strictObject({
  name: z.string().trim().min(2).max(100),
  creditCode: z.string().trim().length(18),
  legalRepresentative: z.string().trim().min(2).max(50),
  contactMobile: z.string().trim().min(11).max(20),
  password,
});
export type RegisterBusiness = z.infer<typeof registerBusinessSchema>;

export const registrationResultSchema = z.object({ userId: z.uuid(), verificationLevel: z.string() });

export const createStaffSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9._-]{2,31}$/, '3–32 lowercase letters, digits, . _ -'),
  displayName: z.string().trim().min(2).max(50),
  mobile: z.string().trim().min(11).max(20).optional(),
});
export type CreateStaff = z.infer<typeof createStaffSchema>;

export const staffCreatedSchema = z.object({ userId: z.uuid(), initialPassword: z.string() });

export const grantMembershipSchema = z.strictObject({
  orgUnitId: z.uuid(),
  roleCode: z.string().regex(/^[a-z][a-z_]{1,40}$/),
  reach: z.enum(['unit', 'subtree', 'line']).default('unit'),
});
export type GrantMembership = z.infer<typeof grantMembershipSchema>;

export const userSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(['staff', 'citizen', 'business']),
  username: z.string().nullable(),
  displayName: z.string(),
  idNumberMasked: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  creditCode: z.string().nullable(),
  verificationLevel: z.string(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  memberships: z.array(membershipSchema),
});
export const userListSchema = z.object({ items: z.array(userSummarySchema) });
export const listUsersQuerySchema = z.strictObject({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(['staff', 'citizen', 'business']).optional(),
});

export const roleSchema = z.object({
  code: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  officer: z.enum(['system_admin', 'security_admin', 'security_auditor']).nullable(),
  builtin: z.boolean(),
});
export const roleListSchema = z.object({ items: z.array(roleSchema) });
export const createRoleSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z_]{1,40}$/),
  nameZh: z.string().trim().min(2).max(50),
  nameEn: z.string().trim().min(2).max(100),
});

export const unmaskedSchema = z.object({ field: z.enum(['idNumber', 'mobile']), value: z.string() });
export const unmaskQuerySchema = z.strictObject({ field: z.enum(['idNumber', 'mobile']) });
