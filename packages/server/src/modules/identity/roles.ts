import type { Officer } from '../../platform/db/schema.ts';

type BuiltinRole = { code: string; zh: string; en: string; officer?: Officer };

/** Roles are data; these ship with the platform and cannot be removed. */
export const BUILTIN_ROLES: BuiltinRole[] = [
  { code: 'clerk', zh: '窗口受理人员', en: 'Clerk (acceptance window)' },
  { code: 'reviewer', zh: '审查人员', en: 'Reviewer' },
  { code: 'approver', zh: '审批人员', en: 'Approver' },
  { code: 'agency_head', zh: '机关负责人', en: 'Agency head' },
  { code: 'dept_admin', zh: '部门管理员', en: 'Department administrator' },
  { code: 'petition_officer', zh: '信访工作人员', en: 'Petition officer' },
  { code: 'publisher', zh: '信息发布员', en: 'Publisher' },
  { code: 'confidentiality_reviewer', zh: '保密审查员', en: 'Confidentiality reviewer' },
  { code: 'data_steward', zh: '数据管理员', en: 'Data steward' },
  { code: 'statistician', zh: '统计人员', en: 'Statistician' },
  { code: 'emergency_officer', zh: '应急值守人员', en: 'Emergency officer' },
  { code: 'seal_keeper', zh: '用印管理人员', en: 'Seal keeper' },
  { code: 'supervisor', zh: '督办人员', en: 'Supervisor' },
  { code: 'auditor', zh: '审计人员（审计机关）', en: 'Auditor (audit bureau)' },
  { code: 'system_admin', zh: '系统管理员', en: 'System administrator', officer: 'system_admin' },
  { code: 'security_admin', zh: '安全管理员', en: 'Security administrator', officer: 'security_admin' },
  { code: 'security_auditor', zh: '安全审计员', en: 'Security auditor', officer: 'security_auditor' },
];
