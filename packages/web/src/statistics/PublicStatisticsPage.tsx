import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchPublicStatistics, type StatisticsRange } from '../api/approval.ts';
import { legalDateText } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { EChart } from './EChart.tsx';
import { DepartmentTable, onTimeBars } from './figures.tsx';
import { RangeField } from './RangeField.tsx';

/** 政务公开 · 行政许可办理情况: each department's on-time share, as a table and a chart, for anyone. */
export function PublicStatisticsPage() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const { describe } = useProblemMessages();
  const [range, setRange] = useState<StatisticsRange>({});
  const figures = useQuery({
    queryKey: ['approval', 'statistics', 'public', range],
    queryFn: () => fetchPublicStatistics(range),
    placeholderData: keepPreviousData,
  });
  const data = figures.data;
  const bars = useMemo(() => (data ? onTimeBars(data, lang, t) : undefined), [data, lang, t]);
  return (
    <>
      <Link to="/open-government">
        <ArrowLeftOutlined /> {t('nav.openGov')}
      </Link>
      <Typography.Title level={2}>{t('statistics.public.title')}</Typography.Title>
      <Typography.Paragraph>{t('statistics.public.intro')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size={24}>
          <RangeField range={range} shown={data} onChange={setRange} />
          {data && (
            <Typography.Text type="secondary">
              {t('statistics.public.period', {
                from: legalDateText(data.from, i18n.language),
                to: legalDateText(data.to, i18n.language),
              })}
            </Typography.Text>
          )}
        </Space>
      </Card>
      {figures.isError && <Alert type="error" showIcon title={describe(figures.error)} />}
      {figures.isPending && <Spin style={{ display: 'block', margin: 48 }} />}
      {data && (
        <>
          <Card title={t('statistics.departments')} style={{ marginBottom: 16 }}>
            <DepartmentTable statistics={data} brief />
          </Card>
          <Card title={t('statistics.chartOnTime')}>
            {bars && <EChart option={bars} label={t('statistics.chartOnTime')} />}
          </Card>
        </>
      )}
    </>
  );
}
