import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '@yiwang/contracts';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilter, fetchAuditEvents, fetchAuditStatus } from '../api/audit.ts';
import { beijingDateTime } from '../shell/dates.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { AuditStatusCard } from './AuditStatusCard.tsx';
import { ProofModal } from './ProofModal.tsx';

const outcomeColor = { success: 'green', denied: 'orange', failure: 'red' } as const;
const shortId = (id: string | null) => (id ? id.slice(-12) : '—');

/** 审计日志: the security auditor's view of the tamper-evident audit trail. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { describe } = useProblemMessages();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [proofOf, setProofOf] = useState<string>();
  const events = useInfiniteQuery({
    queryKey: ['audit', 'events', filter],
    queryFn: ({ pageParam }) => fetchAuditEvents(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    retry: false,
  });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  // An event can be proven once a signed checkpoint covers its leaf.
  const status = useQuery({ queryKey: ['audit', 'status'], queryFn: fetchAuditStatus, retry: false });
  const covered = status.data?.lastCheckpoint?.treeSize ?? 0;
  const proofLabel = (e: AuditEvent) =>
    e.leafIndex === null
      ? t('audit.notSequenced')
      : e.leafIndex < covered
        ? t('audit.showProof')
        : t('audit.awaitingCheckpoint');
  return (
    <>
      <Typography.Title level={2}>{t('workbench.pages.audit')}</Typography.Title>
      <AuditStatusCard />
      <Card>
        <AuditFilterForm filter={filter} onChange={setFilter} />
        {events.isError && (
          <Alert type="error" showIcon title={describe(events.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<AuditEvent>
          rowKey="id"
          size="small"
          loading={events.isPending && !events.isError}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            rowExpandable: (e) => Object.keys(e.details).length > 0,
            expandedRowRender: (e) => (
              <pre className="audit-details">{JSON.stringify(e.details, null, 2)}</pre>
            ),
          }}
          columns={[
            {
              title: t('audit.time'),
              dataIndex: 'occurredAt',
              render: (v: string) => (
                <span style={{ whiteSpace: 'nowrap' }}>{beijingDateTime(v, i18n.language)}</span>
              ),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (v: string) => <code style={{ whiteSpace: 'nowrap' }}>{v}</code>,
            },
            {
              title: t('audit.outcome'),
              dataIndex: 'outcome',
              render: (o: AuditEvent['outcome']) => (
                <Tag color={outcomeColor[o]}>{t(`audit.outcomes.${o}`)}</Tag>
              ),
            },
            {
              title: t('audit.actor'),
              render: (_, e) => (
                <span title={e.actorUserId ?? undefined}>{e.actorName ?? shortId(e.actorUserId)}</span>
              ),
            },
            {
              title: t('audit.target'),
              render: (_, e) =>
                e.targetType ? (
                  <span title={e.targetId ?? undefined}>
                    {e.targetType} · {shortId(e.targetId)}
                  </span>
                ) : (
                  '—'
                ),
            },
            { title: t('audit.clientIp'), dataIndex: 'clientIp', render: (v: string | null) => v ?? '—' },
            {
              title: t('audit.details'),
              render: (_, e) => Object.keys(e.details).map((k) => <Tag key={k}>{k}</Tag>),
            },
            {
              title: t('audit.proof'),
              render: (_, e) => (
                <Button
                  size="small"
                  disabled={e.leafIndex === null || e.leafIndex >= covered}
                  onClick={() => setProofOf(e.id)}
                >
                  {proofLabel(e)}
                </Button>
              ),
            },
          ]}
        />
        {events.hasNextPage && (
          <Button
            block
            style={{ marginTop: 16 }}
            loading={events.isFetchingNextPage}
            onClick={() => events.fetchNextPage()}
          >
            {t('audit.more')}
          </Button>
        )}
      </Card>
      {proofOf && <ProofModal eventId={proofOf} onClose={() => setProofOf(undefined)} />}
    </>
  );
}
