import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isSignedIn, useMe } from '../shell/session.ts';

/**
 * A portal page of one's own (我的办件, 我的消息): signed in first; staff keep theirs in the
 * workbench, at `staffPath` when there is one.
 */
export function RequireApplicant({ children, staffPath }: { children: ReactNode; staffPath?: string }) {
  const { pathname } = useLocation();
  const me = useMe();
  if (me.isPending) return <Spin />;
  if (!isSignedIn(me.data)) return <Navigate to={`/login?next=${encodeURIComponent(pathname)}`} replace />;
  if (me.data.kind === 'staff' && staffPath) return <Navigate to={staffPath} replace />;
  return children;
}
