import { EditOutlined, EyeOutlined, SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ManagedServiceList, ServiceVersion } from '@yiwang/contracts';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  fetchManagedServices,
  fetchServiceVersions,
  publishServiceDraft,
  startDraft,
} from '../../api/services.ts';
import { useLang } from '../../shell/lang.ts';
import { useProblemMessages } from '../../shell/problems.ts';
import { DraftDrawer } from './DraftDrawer.tsx';

type Row = ManagedServiceList['items'][number];
const statusColor = { draft: 'gold', published: 'green', superseded: 'default' } as const;
const PAGE = 50;

/** 事项管理: a department administrator's services; edit a draft, then publish it to the portal. */
export function ServiceAdminPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const { describe } = useProblemMessages();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ServiceVersion>();
  const list = useQuery({
    queryKey: ['services', 'managed', page],
    queryFn: () => fetchManagedServices(PAGE, (page - 1) * PAGE),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['services'] });
  // The draft to edit: the open one, or a new one copied from the newest version.
  const open = useMutation({
    mutationFn: async (row: Row) =>
      row.latest.status === 'draft'
        ? ((await fetchServiceVersions(row.id)).find((v) => v.status === 'draft') ?? startDraft(row.id))
        : startDraft(row.id),
    onSuccess: (draft) => {
      setEditing(draft);
      void refresh();
    },
    onError: (error) => message.error(describe(error)),
  });
  const publish = useMutation({
    mutationFn: (row: Row) => publishServiceDraft(row.id, row.latest.version),
    onSuccess: (v) => {
      message.success(t('serviceAdmin.publishedOk', { version: v.version }));
      void refresh();
    },
    onError: (error) => message.error(describe(error)),
  });
  return (
    <>
      <Typography.Title level={2}>{t('serviceAdmin.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('serviceAdmin.intro')}</Typography.Paragraph>
      {list.isError && (
        <Alert type="error" showIcon title={describe(list.error)} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Table<Row>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('serviceAdmin.empty') }}
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: t('serviceAdmin.code'),
              dataIndex: 'code',
              render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
            },
            { title: t('serviceAdmin.name'), render: (_, r) => r.latest.name[lang] },
            { title: t('serviceAdmin.unit'), render: (_, r) => r.owningUnit.name[lang] },
            {
              title: t('serviceAdmin.latest'),
              render: (_, r) => (
                <Space size={4}>
                  {t('serviceAdmin.versionN', { version: r.latest.version })}
                  <Tag color={statusColor[r.latest.status as keyof typeof statusColor]}>
                    {t(`serviceAdmin.status.${r.latest.status}`, { defaultValue: r.latest.status })}
                  </Tag>
                </Space>
              ),
            },
            {
              title: t('serviceAdmin.published'),
              render: (_, r) =>
                r.retiredAt ? (
                  <Tag color="red">{t('serviceAdmin.retired')}</Tag>
                ) : r.publishedVersion ? (
                  t('serviceAdmin.versionN', { version: r.publishedVersion })
                ) : (
                  <Typography.Text type="secondary">{t('serviceAdmin.none')}</Typography.Text>
                ),
            },
            {
              title: t('serviceAdmin.actions'),
              render: (_, r) => (
                <Space wrap size={4}>
                  {r.publishedVersion && (
                    <Link to={`/services/${r.id}`} target="_blank">
                      <Button size="small" icon={<EyeOutlined />}>
                        {t('serviceAdmin.view')}
                      </Button>
                    </Link>
                  )}
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    disabled={Boolean(r.retiredAt)}
                    loading={open.isPending && open.variables?.id === r.id}
                    onClick={() => open.mutate(r)}
                  >
                    {t(r.latest.status === 'draft' ? 'serviceAdmin.edit' : 'serviceAdmin.newDraft')}
                  </Button>
                  {r.latest.status === 'draft' && !r.retiredAt && (
                    <Popconfirm
                      title={t('serviceAdmin.publishConfirm', { version: r.latest.version })}
                      okText={t('serviceAdmin.publish')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => publish.mutate(r)}
                    >
                      <Button size="small" type="primary" icon={<SendOutlined />}>
                        {t('serviceAdmin.publish')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <DraftDrawer
          draft={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            message.success(t('serviceAdmin.saved'));
            setEditing(undefined);
            void refresh();
          }}
        />
      )}
    </>
  );
}
