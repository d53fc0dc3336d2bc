import { DownloadOutlined } from '@ant-design/icons';
import type { CaOverview, CertificateSummary } from '@yiwang/contracts';
import { Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { crlDownloadUrl } from '../api/ca.ts';
import { beijingDate, beijingDateTime } from '../shell/dates.ts';
import { StatusTag, SubjectName } from './parts.tsx';

type Hierarchy = CaOverview['hierarchies'][number];

function CertificateLines({ c }: { c: CertificateSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Space orientation="vertical" size={2}>
      <SubjectName dn={c.subject} />
      <Typography.Text code copyable className="serial">
        {c.serial}
      </Typography.Text>
      <Space size={4} wrap>
        <StatusTag status={c.status} />
        <Typography.Text type="secondary">
          {t('ca.validity', {
            from: beijingDate(c.notBefore, i18n.language),
            to: beijingDate(c.notAfter, i18n.language),
          })}
        </Typography.Text>
      </Space>
    </Space>
  );
}

/** One algorithm's chain: root, the issuing CA under it, the TSA, and the issuing CA's latest CRL. */
export function HierarchyCard({ hierarchy: h }: { hierarchy: Hierarchy }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      title={t('ca.hierarchy', { algorithm: t(`ca.algorithm.${h.algorithm}`) })}
      style={{ height: '100%' }}
      data-algorithm={h.algorithm}
    >
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 150 } }}
        items={[
          { key: 'root', label: t('ca.root'), children: <CertificateLines c={h.root} /> },
          { key: 'issuing', label: t('ca.issuing'), children: <CertificateLines c={h.issuing} /> },
          { key: 'tsa', label: t('ca.tsa'), children: <CertificateLines c={h.tsa} /> },
          {
            key: 'crl',
            label: t('ca.crl'),
            children: (
              <Space orientation="vertical" size={2}>
                <Space size={8} wrap>
                  <span>
                    {h.crlNumber === null ? t('ca.crlNone') : t('ca.crlNumber', { number: h.crlNumber })}
                  </span>
                  {h.crlNextUpdate && (
                    <Typography.Text type="secondary">
                      {t('ca.crlNextUpdate', { at: beijingDateTime(h.crlNextUpdate, i18n.language) })}
                    </Typography.Text>
                  )}
                </Space>
                <a href={crlDownloadUrl(h.issuing.serial)} download>
                  <DownloadOutlined /> {t('ca.crlDownload')}
                </a>
                <Typography.Text type="secondary" copyable={{ text: h.crlUrl }} style={{ fontSize: 12 }}>
                  {t('ca.published', { url: h.crlUrl })}
                </Typography.Text>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
