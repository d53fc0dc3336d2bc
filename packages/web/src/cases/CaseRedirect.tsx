import { Spin } from 'antd';
import { Navigate, useParams } from 'react-router';
import { isSignedIn, useMe } from '../shell/session.ts';

/** `/cases/:id` (the link in a message): the case page in the reader's own area. */
export function CaseRedirect() {
  const id = useParams().id ?? '';
  const me = useMe();
  if (me.isPending) return <Spin />;
  if (!isSignedIn(me.data))
    return <Navigate to={`/login?next=${encodeURIComponent(`/cases/${id}`)}`} replace />;
  return <Navigate to={me.data.kind === 'staff' ? `/workbench/cases/${id}` : `/my/cases/${id}`} replace />;
}
