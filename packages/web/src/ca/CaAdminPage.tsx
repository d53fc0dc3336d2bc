import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCaOverview } from '../api/ca.ts';
import { CertificateTable } from './CertificateTable.tsx';
import { HierarchyCard } from './HierarchyCard.tsx';
import { IssueCertificateModal } from './IssueCertificateModal.tsx';
import { ProblemAlert } from './parts.tsx';

/**
 * 证书管理, the security administrator's: the CA's hierarchies (SM2 and ECDSA) with their CRLs,
 * and every certificate it issued, to issue, renew and revoke.
 */
export function CaAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [issuing, setIssuing] = useState(false);
  const overview = useQuery({ queryKey: ['ca', 'overview'], queryFn: fetchCaOverview });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['ca'] });
  const counts = overview.data?.counts;
  return (
    <>
      <Typography.Title level={2}>{t('workbench.pages.ca')}</Typography.Title>
      {overview.isError && <ProblemAlert error={overview.error} />}
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {(['valid', 'revoked', 'expired'] as const).map((k) => (
            <Col xs={8} key={k}>
              <Statistic
                title={t(`ca.counts.${k}`)}
                value={counts?.[k] ?? '—'}
                loading={overview.isPending}
                styles={{ content: k === 'revoked' && counts?.revoked ? { color: '#cf1322' } : undefined }}
              />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {overview.isPending && (
          <Col xs={24}>
            <Card>
              <Skeleton active />
            </Card>
          </Col>
        )}
        {overview.data?.hierarchies.map((h) => (
          <Col xs={24} xl={12} key={h.algorithm}>
            <HierarchyCard hierarchy={h} />
          </Col>
        ))}
        {overview.data && overview.data.hierarchies.length === 0 && (
          <Col xs={24}>
            <Alert type="warning" showIcon title={t('problem.ca_not_initialised')} />
          </Col>
        )}
      </Row>
      <Card
        title={t('ca.list')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            {t('ca.issue')}
          </Button>
        }
      >
        <CertificateTable onChanged={refresh} />
      </Card>
      {issuing && (
        <IssueCertificateModal
          onClose={() => setIssuing(false)}
          onIssued={(c) => {
            setIssuing(false);
            message.success(t('ca.issued', { serial: c.serial }));
            refresh();
          }}
        />
      )}
    </>
  );
}
