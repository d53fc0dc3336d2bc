import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  IdcardOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Me } from '@yiwang/contracts';
import type { ReactNode } from 'react';
import { hasRole } from '../shell/session.ts';

/** The workbench's systems; each shows only to the roles that may use it. */
export const workbenchPages: Array<{ key: string; path: string; icon: ReactNode; role?: string }> = [
  { key: 'overview', path: '/workbench', icon: <DashboardOutlined /> },
  { key: 'orgs', path: '/workbench/orgs', icon: <ApartmentOutlined />, role: 'security_admin' },
  { key: 'users', path: '/workbench/users', icon: <TeamOutlined />, role: 'security_admin' },
  { key: 'audit', path: '/workbench/audit', icon: <AuditOutlined />, role: 'security_auditor' },
  { key: 'account', path: '/workbench/account', icon: <IdcardOutlined /> },
];

export const pagesFor = (me: Me) => workbenchPages.filter((p) => !p.role || hasRole(me, p.role));
