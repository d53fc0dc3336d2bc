import { CheckOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, List, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fetchInbox, type Message, markAllRead, markRead } from '../api/inbox.ts';
import { beijingDateTime } from '../shell/dates.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { useMe } from '../shell/session.ts';
import { messagePath, useMessageText } from './messageText.ts';

export const inboxKey = ['inbox'] as const;

/** 我的消息: what the platform told me, newest first; opening one marks it read. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { describe } = useProblemMessages();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const textOf = useMessageText();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const pages = useInfiniteQuery({
    queryKey: [...inboxKey, 'list', unreadOnly],
    queryFn: ({ pageParam }) => fetchInbox({ unread: unreadOnly, before: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    retry: false,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: inboxKey });
  const readOne = useMutation({ mutationFn: markRead, onSettled: refresh });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: (r) => message.success(t('inbox.markedAll', { count: r.marked })),
    onError: (e) => message.error(describe(e)),
    onSettled: refresh,
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = pages.data?.pages[0]?.unread ?? 0;
  const open = (m: Message) => {
    if (!m.readAt) readOne.mutate(m.id);
    const path = me ? messagePath(m, me) : null;
    if (path) navigate(path);
  };
  return (
    <>
      <Typography.Title level={2}>{t('inbox.title')}</Typography.Title>
      <Card
        title={
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setUnreadOnly(v === 'unread')}
            options={[
              { value: 'all', label: t('inbox.all') },
              { value: 'unread', label: t('inbox.unreadCount', { count: unread }) },
            ]}
          />
        }
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={unread === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
          >
            {t('inbox.markAll')}
          </Button>
        }
      >
        {pages.isError && (
          <Alert type="error" showIcon title={describe(pages.error)} style={{ marginBottom: 16 }} />
        )}
        <List
          loading={pages.isPending && !pages.isError}
          dataSource={rows}
          locale={{ emptyText: t(unreadOnly ? 'inbox.noUnread' : 'inbox.empty') }}
          renderItem={(m) => {
            const { title, text } = textOf(m);
            const path = me ? messagePath(m, me) : null;
            return (
              <List.Item
                style={{ cursor: path ? 'pointer' : undefined, background: m.readAt ? undefined : '#fffbe6' }}
                onClick={() => open(m)}
                actions={[
                  ...(path ? [<Typography.Link key="open">{t('inbox.open')}</Typography.Link>] : []),
                  ...(!m.readAt
                    ? [
                        <Typography.Link
                          key="read"
                          onClick={(e) => {
                            e.stopPropagation();
                            readOne.mutate(m.id);
                          }}
                        >
                          {t('inbox.markRead')}
                        </Typography.Link>,
                      ]
                    : []),
                ]}
              >
                <List.Item.Meta
                  style={{ paddingInlineStart: 12 }}
                  title={
                    <Space>
                      {!m.readAt && <Badge status="error" aria-label={t('inbox.unread')} />}
                      <Typography.Text strong={!m.readAt}>{title}</Typography.Text>
                    </Space>
                  }
                  description={
                    <Space orientation="vertical" size={0}>
                      <Typography.Text>{text}</Typography.Text>
                      <Typography.Text type="secondary">
                        {beijingDateTime(m.createdAt, i18n.language)}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            );
          }}
        />
        {pages.hasNextPage && (
          <Button
            block
            style={{ marginTop: 16 }}
            loading={pages.isFetchingNextPage}
            onClick={() => pages.fetchNextPage()}
          >
            {t('inbox.more')}
          </Button>
        )}
      </Card>
    </>
  );
}
