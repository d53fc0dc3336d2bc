import { EyeOutlined, SafetyCertificateOutlined, SignatureOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SealRequest } from '@yiwang/contracts';
import { Alert, Button, Card, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listSealRequests, type SealRequestStatus, sealDocumentUrl } from '../api/ca.ts';
import { beijingDueTime } from '../shell/dates.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { useMe } from '../shell/session.ts';
import { AffixSealModal } from './AffixSealModal.tsx';

function SealTable({ status, onAffix }: { status: SealRequestStatus; onAffix: (r: SealRequest) => void }) {
  const { t, i18n } = useTranslation();
  const { describe } = useProblemMessages();
  const list = useQuery({ queryKey: ['seals', status], queryFn: () => listSealRequests(status) });
  const pending = status === 'pending';
  return (
    <>
      {list.isError && (
        <Alert type="error" showIcon title={describe(list.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<SealRequest>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t(pending ? 'seals.empty' : 'seals.emptySealed') }}
        columns={[
          {
            title: t('seals.columns.title'),
            render: (_, r) => <strong>{r.title}</strong>,
          },
          { title: t('seals.columns.documentNumber'), dataIndex: 'documentNumber' },
          { title: t('seals.columns.unit'), dataIndex: 'unitName' },
          {
            title: t('seals.columns.requestedAt'),
            render: (_, r) => beijingDueTime(r.requestedAt, i18n.language),
          },
          ...(pending
            ? []
            : [
                {
                  title: t('seals.columns.code'),
                  render: (_: unknown, r: SealRequest) =>
                    r.verificationCode ? (
                      <Space size={4}>
                        <Typography.Text code copyable className="lookup-code">
                          {r.verificationCode}
                        </Typography.Text>
                        <a
                          href={`/verify?code=${encodeURIComponent(r.verificationCode)}`}
                          target="_blank"
                          rel="noopener"
                          title={t('seals.openVerify')}
                          aria-label={t('seals.openVerify')}
                        >
                          <SafetyCertificateOutlined />
                        </a>
                      </Space>
                    ) : (
                      '—'
                    ),
                },
              ]),
          {
            title: t('seals.columns.actions'),
            render: (_, r) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<EyeOutlined />}
                  href={sealDocumentUrl(r.id)}
                  target="_blank"
                  rel="noopener"
                >
                  {t(pending ? 'seals.preview' : 'seals.view')}
                </Button>
                {pending && (
                  <Button size="small" type="primary" icon={<SignatureOutlined />} onClick={() => onAffix(r)}>
                    {t('seals.affix')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** 待用印: the seal keeper's queue of their unit's documents, and those already sealed. */
export function SealRequestsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<SealRequestStatus>('pending');
  const [affixing, setAffixing] = useState<SealRequest>();
  return (
    <>
      <Typography.Title level={2}>{t('workbench.pages.seals')}</Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('seals.intro')}</Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as SealRequestStatus)}
          items={[
            {
              key: 'pending',
              label: t('seals.pending'),
              children: <SealTable status="pending" onAffix={setAffixing} />,
            },
            {
              key: 'sealed',
              label: t('seals.sealed'),
              children: <SealTable status="sealed" onAffix={setAffixing} />,
            },
          ]}
        />
      </Card>
      {affixing && (
        <AffixSealModal
          request={affixing}
          needsCode={me?.secondFactorEnabled ?? true}
          onClose={() => setAffixing(undefined)}
          onSealed={() => void queryClient.invalidateQueries({ queryKey: ['seals'] })}
        />
      )}
    </>
  );
}
