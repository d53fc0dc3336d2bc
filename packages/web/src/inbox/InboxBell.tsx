import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Me } from '@yiwang/contracts';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchInbox } from '../api/inbox.ts';

export const inboxPath = (me: Me) => (me.kind === 'staff' ? '/workbench/inbox' : '/my/inbox');

/** The header's bell: how many messages are unread, opening 我的消息. Checks again every minute. */
export function InboxBell({ me, ghost }: { me: Me; ghost?: boolean }) {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: ['inbox', 'unread'],
    queryFn: async () => (await fetchInbox({ unread: true, limit: 1 })).unread,
    refetchInterval: 60_000,
    retry: false,
  });
  const count = unread.data ?? 0;
  return (
    <Link to={inboxPath(me)}>
      <Badge count={count} size="small" overflowCount={99}>
        <Button
          ghost={ghost}
          type={ghost ? 'default' : 'text'}
          icon={<BellOutlined />}
          aria-label={count > 0 ? t('inbox.bellUnread', { count }) : t('inbox.title')}
        />
      </Badge>
    </Link>
  );
}
