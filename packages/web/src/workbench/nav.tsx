import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FlagOutlined,
  IdcardOutlined,
  InboxOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SignatureOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Me } from '@yiwang/contracts';
import type { ReactNode } from 'react';
import { hasRole } from '../shell/session.ts';

/** The roles that take actions on cases: their holders get a queue of work (我的待办). */
export const CASE_ROLES = ['clerk', 'reviewer', 'approver', 'agency_head', 'dept_admin', 'petition_officer'];

/** Who reads the licensing figures: statisticians, department heads and administrators, supervisors. */
export const STATISTICS_ROLES = ['statistician', 'dept_admin', 'agency_head', 'supervisor'];

/** Who uses their unit's electronic seal (用印管理人员). */
export const SEAL_KEEPER_ROLE = 'seal_keeper';

/** The workbench's systems; each shows only to the roles that may use it (any of `roles`). */
export const workbenchPages: Array<{ key: string; path: string; icon: ReactNode; roles?: string[] }> = [
  { key: 'overview', path: '/workbench', icon: <DashboardOutlined /> },
  { key: 'cases', path: '/workbench/cases', icon: <InboxOutlined />, roles: CASE_ROLES },
  { key: 'tasks', path: '/workbench/tasks', icon: <FlagOutlined />, roles: ['supervisor'] },
  { key: 'seals', path: '/workbench/seals', icon: <SignatureOutlined />, roles: [SEAL_KEEPER_ROLE] },
  { key: 'orgs', path: '/workbench/orgs', icon: <ApartmentOutlined />, roles: ['security_admin'] },
  { key: 'users', path: '/workbench/users', icon: <TeamOutlined />, roles: ['security_admin'] },
  { key: 'ca', path: '/workbench/ca', icon: <SafetyCertificateOutlined />, roles: ['security_admin'] },
  { key: 'services', path: '/workbench/services', icon: <ProfileOutlined />, roles: ['dept_admin'] },
  { key: 'statistics', path: '/workbench/statistics', icon: <BarChartOutlined />, roles: STATISTICS_ROLES },
  { key: 'audit', path: '/workbench/audit', icon: <AuditOutlined />, roles: ['security_auditor'] },
  { key: 'calendar', path: '/workbench/calendar', icon: <CalendarOutlined />, roles: ['system_admin'] },
  { key: 'inbox', path: '/workbench/inbox', icon: <BellOutlined /> },
  { key: 'account', path: '/workbench/account', icon: <IdcardOutlined /> },
];

export const mayUse = (me: Me | null | undefined, roles?: string[]) =>
  !roles || roles.some((r) => hasRole(me, r));

export const pagesFor = (me: Me) => workbenchPages.filter((p) => mayUse(me, p.roles));
