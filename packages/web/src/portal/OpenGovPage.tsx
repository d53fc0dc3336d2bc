import { BarChartOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const entries: Array<{ key: string; path: string; icon: ReactNode }> = [
  { key: 'approvalStatistics', path: '/open-government/approval-statistics', icon: <BarChartOutlined /> },
  { key: 'disclosure', path: '/apply/disclosure_request', icon: <FileSearchOutlined /> },
];

/** 政务公开: what is published so far (licensing performance) and requests for information. */
export function OpenGovPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2}>{t('nav.openGov')}</Typography.Title>
      <Typography.Paragraph>{t('openGov.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {entries.map((e) => (
          <Col xs={24} md={12} key={e.key}>
            <Link to={e.path}>
              <Card hoverable>
                <Card.Meta
                  avatar={<span style={{ fontSize: 28, color: '#b71c1c' }}>{e.icon}</span>}
                  title={t(`openGov.${e.key}`)}
                  description={t(`openGov.${e.key}Text`)}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Alert type="info" showIcon title={t('openGov.more')} />
    </>
  );
}
