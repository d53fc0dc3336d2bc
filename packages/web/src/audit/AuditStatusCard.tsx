import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchAuditStatus } from '../api/audit.ts';
import { beijingDateTime } from '../shell/dates.ts';
import { useProblemMessages } from '../shell/problems.ts';

export const shortHash = (hash: string) =>
  hash.length > 20 ? `${hash.slice(0, 12)}…${hash.slice(-6)}` : hash;

export function Hash({ value }: { value: string }) {
  return (
    <Typography.Text code copyable={{ text: value }} title={value}>
      {shortHash(value)}
    </Typography.Text>
  );
}

/** The log at a glance: events, how many are sequenced into the Merkle tree, the last signed checkpoint. */
export function AuditStatusCard() {
  const { t, i18n } = useTranslation();
  const { describe } = useProblemMessages();
  const status = useQuery({ queryKey: ['audit', 'status'], queryFn: fetchAuditStatus, retry: false });
  if (status.isError) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('audit.statusUnavailable')}
        description={describe(status.error)}
        style={{ marginBottom: 16 }}
      />
    );
  }
  const data = status.data;
  const last = data?.lastCheckpoint;
  return (
    <Card title={t('audit.status')} loading={status.isPending} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        <Col xs={8} md={4}>
          <Statistic title={t('audit.events')} value={data?.events ?? 0} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t('audit.sequenced')} value={data?.sequenced ?? 0} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t('audit.pending')} value={data?.pending ?? 0} />
        </Col>
        <Col xs={24} md={12}>
          {last ? (
            <Descriptions
              size="small"
              column={1}
              title={t('audit.lastCheckpoint')}
              items={[
                { key: 'size', label: t('audit.treeSize'), children: last.treeSize },
                {
                  key: 'time',
                  label: t('audit.madeAt'),
                  children: beijingDateTime(last.madeAt, i18n.language),
                },
                { key: 'root', label: t('audit.rootHash'), children: <Hash value={last.rootHash} /> },
                {
                  key: 'key',
                  label: t('audit.keyId'),
                  children: <Typography.Text code>{last.keyId}</Typography.Text>,
                },
              ]}
            />
          ) : (
            <Typography.Text type="secondary">{t('audit.noCheckpoint')}</Typography.Text>
          )}
        </Col>
      </Row>
    </Card>
  );
}
