import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endAllSessions, fetchSessions } from '../api/auth.ts';
import { beijingDateTime } from '../shell/dates.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { useForgetSession } from '../shell/session.ts';

export const sessionsKey = ['me', 'sessions'] as const;

/** My open sessions, this one marked; ending them all signs me out here too. */
export function SessionsCard() {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const forget = useForgetSession();
  const { describe } = useProblemMessages();
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: fetchSessions });
  const endAll = useMutation({
    mutationFn: endAllSessions,
    onSuccess: () => {
      forget();
      message.success(t('sessions.ended'));
      navigate('/login');
    },
  });
  const confirm = () =>
    modal.confirm({
      title: t('sessions.confirmTitle'),
      content: t('sessions.confirmText'),
      okText: t('sessions.endAll'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => endAll.mutateAsync(),
    });
  return (
    <Card
      title={t('sessions.title')}
      extra={
        <Button danger onClick={confirm} loading={endAll.isPending}>
          {t('sessions.endAll')}
        </Button>
      }
    >
      {sessions.isError && <Alert type="error" showIcon title={describe(sessions.error)} />}
      {endAll.isError && <Alert type="error" showIcon title={describe(endAll.error)} />}
      <Table
        rowKey="id"
        size="small"
        loading={sessions.isPending}
        dataSource={sessions.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('sessions.id'),
            dataIndex: 'id',
            render: (id: string, row) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Typography.Text code>{id}</Typography.Text>
                {row.current && <Tag color="blue">{t('sessions.current')}</Tag>}
              </span>
            ),
          },
          {
            title: t('sessions.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => (
              <span style={{ whiteSpace: 'nowrap' }}>{beijingDateTime(v, i18n.language)}</span>
            ),
          },
          {
            title: t('sessions.lastSeenAt'),
            dataIndex: 'lastSeenAt',
            render: (v: string) => (
              <span style={{ whiteSpace: 'nowrap' }}>{beijingDateTime(v, i18n.language)}</span>
            ),
          },
          { title: t('sessions.clientIp'), dataIndex: 'clientIp', render: (v: string | null) => v ?? '—' },
          {
            title: t('sessions.userAgent'),
            dataIndex: 'userAgent',
            render: (v: string | null) => (
              <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 360 }}>
                {v ?? '—'}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
