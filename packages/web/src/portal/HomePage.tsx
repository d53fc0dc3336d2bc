import { AuditOutlined, CommentOutlined, FileSearchOutlined, SolutionOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ArticleList } from './ArticleList.tsx';
import type { PortalSection } from './nav.ts';

const entries: Array<{ section: PortalSection; path: string; icon: ReactNode }> = [
  { section: 'services', path: '/services', icon: <SolutionOutlined /> },
  { section: 'openGov', path: '/open-government', icon: <AuditOutlined /> },
  { section: 'interaction', path: '/interaction', icon: <CommentOutlined /> },
  { section: 'tracking', path: '/tracking', icon: <FileSearchOutlined /> },
];

export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <section className="portal-hero">
        <Typography.Title level={2}>{t('home.heroTitle')}</Typography.Title>
        <p>{t('home.heroText')}</p>
      </section>
      <Typography.Title level={3}>{t('home.entries')}</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
        {entries.map((e) => (
          <Col xs={24} sm={12} lg={6} key={e.section}>
            <Link to={e.path}>
              <Card hoverable>
                <Card.Meta
                  avatar={<span style={{ fontSize: 28, color: '#b71c1c' }}>{e.icon}</span>}
                  title={t(`nav.${e.section}`)}
                  description={t(`home.entry.${e.section}`)}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ArticleList category="news" title={t('home.news')} />
        </Col>
        <Col xs={24} lg={12}>
          <ArticleList category="notice" title={t('home.notices')} />
        </Col>
      </Row>
    </>
  );
}
