import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchStatistics, type StatisticsRange, statisticsXlsxHref } from '../api/approval.ts';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { EChart } from './EChart.tsx';
import { DepartmentTable, KpiCards, monthlyLines, onTimeBars } from './figures.tsx';
import { RangeField } from './RangeField.tsx';

/** 统计分析: licensing figures for the departments the reader's statistics roles reach, and the Excel file. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { describe } = useProblemMessages();
  const [range, setRange] = useState<StatisticsRange>({});
  const figures = useQuery({
    queryKey: ['approval', 'statistics', range],
    queryFn: () => fetchStatistics(range),
    placeholderData: keepPreviousData,
  });
  const data = figures.data;
  const bars = useMemo(() => (data ? onTimeBars(data, lang, t) : undefined), [data, lang, t]);
  const lines = useMemo(() => (data ? monthlyLines(data, t) : undefined), [data, t]);
  return (
    <>
      <Typography.Title level={2}>{t('statistics.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('statistics.intro')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <RangeField range={range} shown={data} onChange={setRange} />
          <Button icon={<DownloadOutlined />} href={statisticsXlsxHref(range)} download>
            {t('statistics.export')}
          </Button>
        </Space>
      </Card>
      {figures.isError && (
        <Alert type="error" showIcon title={describe(figures.error)} style={{ marginBottom: 16 }} />
      )}
      {figures.isPending && <Spin style={{ display: 'block', margin: 48 }} />}
      {data && (
        <>
          {data.departments.length === 0 && (
            <Alert type="info" showIcon title={t('statistics.empty')} style={{ marginBottom: 16 }} />
          )}
          <KpiCards figures={data.province} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={12}>
              <Card title={t('statistics.chartOnTime')}>
                {bars && <EChart option={bars} label={t('statistics.chartOnTime')} />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('statistics.chartMonthly')}>
                {lines && <EChart option={lines} label={t('statistics.chartMonthly')} />}
              </Card>
            </Col>
          </Row>
          <Card title={t('statistics.departments')}>
            <DepartmentTable statistics={data} />
          </Card>
        </>
      )}
    </>
  );
}
