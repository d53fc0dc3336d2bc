import { ArrowLeftOutlined, FormOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ServiceVersion } from '@yiwang/contracts';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchService } from '../api/services.ts';
import { beijingDate } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';
import { problemCode, useProblemMessages } from '../shell/problems.ts';
import { useMe } from '../shell/session.ts';
import {
  Fee,
  FormPreview,
  LegalText,
  MaterialsTable,
  PlaceAndContact,
  Procedure,
  TimeLimits,
} from './GuideSections.tsx';
import { LimitTags } from './ServiceList.tsx';

export const serviceKey = (id: string) => ['services', 'guide', id] as const;

/** A published service's guide, shared by the guide, the apply page and the case page. */
export function useService(id: string | undefined) {
  return useQuery({
    queryKey: serviceKey(id ?? ''),
    queryFn: () => fetchService(id ?? ''),
    enabled: Boolean(id),
    staleTime: 10 * 60_000,
    retry: false,
  });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={<h3 className="guide-section-title">{title}</h3>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

function Header({ service }: { service: ServiceVersion }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const me = useMe().data;
  const category = t(`services.categories.${service.category}`, { defaultValue: service.category });
  const tags = (values: string[]) => (values.length ? values.map((v) => <Tag key={v}>{v}</Tag>) : '—');
  return (
    <Card style={{ marginBottom: 16 }}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Link to="/services">
          <ArrowLeftOutlined /> {t('guide.back')}
        </Link>
        <Space wrap align="center">
          <Typography.Title level={2} style={{ margin: 0 }}>
            {service.name[lang]}
          </Typography.Title>
          <Tag color="red">{category}</Tag>
          {service.onTheSpot && <Tag color="gold">{t('services.onTheSpot')}</Tag>}
          <Tag>{t(service.fee.charged ? 'services.charged' : 'services.free')}</Tag>
        </Space>
        <LimitTags service={service} />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'code',
              label: t('guide.code'),
              children: <Typography.Text copyable>{service.code}</Typography.Text>,
            },
            { key: 'unit', label: t('guide.unit'), children: service.owningUnit.name[lang] },
            {
              key: 'version',
              label: t('guide.version'),
              children: t('guide.versionText', {
                version: service.version,
                date: service.publishedAt ? beijingDate(service.publishedAt, i18n.language) : '—',
              }),
            },
            { key: 'category', label: t('guide.category'), children: category },
            { key: 'themes', label: t('guide.themes'), children: tags(service.themes) },
            { key: 'events', label: t('guide.lifeEvents'), children: tags(service.lifeEvents) },
          ]}
        />
        {me?.kind === 'staff' ? (
          <Alert type="info" showIcon title={t('guide.staffHint')} />
        ) : (
          <Space wrap align="center">
            <Link to={`/apply/service/${service.serviceId}`}>
              <Button type="primary" size="large" icon={<FormOutlined />}>
                {t('guide.applyOnline')}
              </Button>
            </Link>
            <Typography.Text type="secondary">{t('guide.applyHint')}</Typography.Text>
          </Space>
        )}
      </Space>
    </Card>
  );
}

/** 办事指南: everything 行政许可法第30条 asks an agency to publish about a service, and 在线申请. */
export function ServiceGuidePage() {
  const { t } = useTranslation();
  const { describe } = useProblemMessages();
  const service = useService(useParams().id);
  if (service.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (service.isError) {
    const missing = ['not_found', 'validation_failed'].includes(problemCode(service.error) ?? '');
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('guide.notFound') : describe(service.error)}
        extra={
          <Link to="/services">
            <Button type="primary">{t('guide.back')}</Button>
          </Link>
        }
      />
    );
  }
  const s = service.data;
  return (
    <>
      <Header service={s} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Section title={t('guide.basis')}>
            <LegalText text={s.legalBasis} />
          </Section>
          <Section title={t('guide.conditions')}>
            <LegalText text={s.conditions} />
          </Section>
        </Col>
        <Col xs={24} xl={10}>
          <Section title={t('guide.timeLimit')}>
            <TimeLimits service={s} />
          </Section>
          <Section title={t('guide.procedure')}>
            <Procedure service={s} />
          </Section>
        </Col>
      </Row>
      <Section title={t('guide.materials')}>
        <MaterialsTable service={s} />
      </Section>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Section title={t('guide.form')}>
            <FormPreview service={s} />
          </Section>
          <Section title={t('guide.fee')}>
            <Fee service={s} />
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t('guide.place')}>
            <PlaceAndContact service={s} />
          </Section>
        </Col>
      </Row>
    </>
  );
}
