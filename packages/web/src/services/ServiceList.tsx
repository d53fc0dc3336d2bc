import { FileTextOutlined, FormOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ServiceSummary } from '@yiwang/contracts';
import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchServices, type ServiceFilter } from '../api/services.ts';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';

const PAGE_SIZE = 10;

/** The name with the search words marked, as the server's Chinese search found them. */
export function HighlightedName({ service }: { service: ServiceSummary }) {
  const lang = useLang();
  const parts = service.highlight?.name;
  if (lang !== 'zh' || !parts?.some((p) => p.hit)) return <>{service.name[lang]}</>;
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one name never reorder
          <mark key={i} className="search-hit">
            {p.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one name never reorder
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** The legal and committed limits of a service, in working days. */
export function LimitTags({ service }: { service: Pick<ServiceSummary, 'timeLimit' | 'committedDays'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color="blue">
        {t('services.labelled', {
          label: t('services.legalLimit'),
          value: t('services.workingDays', { count: service.timeLimit.limit }),
        })}
      </Tag>
      {service.committedDays !== null && (
        <Tag color="green">
          {t('services.labelled', {
            label: t('services.committedLimit'),
            value: t('services.workingDays', { count: service.committedDays }),
          })}
        </Tag>
      )}
    </Space>
  );
}

function ServiceItem({ service }: { service: ServiceSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <List.Item
      actions={[
        <Link key="guide" to={`/services/${service.id}`}>
          <Button icon={<FileTextOutlined />}>{t('services.viewGuide')}</Button>
        </Link>,
        <Link key="apply" to={`/apply/service/${service.id}`}>
          <Button type="primary" icon={<FormOutlined />}>
            {t('guide.applyOnline')}
          </Button>
        </Link>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap size={8}>
            <Link to={`/services/${service.id}`} className="service-name">
              <HighlightedName service={service} />
            </Link>
            <Tag>{t(`services.categories.${service.category}`, { defaultValue: service.category })}</Tag>
          </Space>
        }
        description={
          <Space orientation="vertical" size={4}>
            <Typography.Text type="secondary">
              {t('services.labelled', { label: t('services.unit'), value: service.owningUnit.name[lang] })}
            </Typography.Text>
            <Space size={4} wrap>
              <LimitTags service={service} />
              {service.onTheSpot && <Tag color="gold">{t('services.onTheSpot')}</Tag>}
              <Tag>{t(service.charged ? 'services.charged' : 'services.free')}</Tag>
            </Space>
          </Space>
        }
      />
    </List.Item>
  );
}

/** One page of published services for the filter, with the total. */
export function ServiceList({ filter }: { filter: ServiceFilter }) {
  const { t } = useTranslation();
  const { describe } = useProblemMessages();
  const key = JSON.stringify(filter);
  const [page, setPage] = useState({ key, current: 1 });
  // A new filter starts again at the first page.
  const current = page.key === key ? page.current : 1;
  const list = useQuery({
    queryKey: ['services', 'list', filter, current],
    queryFn: () => fetchServices(filter, PAGE_SIZE, (current - 1) * PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  if (list.isError) return <Alert type="error" showIcon title={describe(list.error)} />;
  return (
    <List
      itemLayout="vertical"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('services.empty') }}
      header={
        list.data && (
          <Typography.Text type="secondary">
            {t('services.total', { count: list.data.total })}
          </Typography.Text>
        )
      }
      pagination={
        (list.data?.total ?? 0) > PAGE_SIZE && {
          current,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: (n) => setPage({ key, current: n }),
        }
      }
      renderItem={(s) => <ServiceItem service={s} />}
    />
  );
}
