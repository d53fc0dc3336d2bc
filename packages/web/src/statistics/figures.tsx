import type { Statistics } from '@yiwang/contracts';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLang } from '../shell/lang.ts';
import type { ChartOption } from './EChart.tsx';

type Figures = Statistics['province'];
type Department = Statistics['departments'][number];

/** 87.5%: a share as people read it; — when there is nothing to divide. */
export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);
const days = (t: TFunction, v: number | null) =>
  v === null ? '—' : t('statistics.workingDays', { value: Math.round(v * 10) / 10 });

/** The province's (or the reader's departments') headline figures. */
export function KpiCards({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const avg = figures.averageWorkingDays;
  const cards: Array<{ key: string; value: string | number; suffix?: string; note?: string }> = [
    { key: 'received', value: figures.received },
    { key: 'accepted', value: figures.accepted },
    { key: 'decided', value: figures.decided },
    { key: 'granted', value: figures.granted },
    {
      key: 'onTimeShare',
      value: percent(figures.onTimeShare),
      note: t('statistics.onTimeOf', { onTime: figures.onTime, decided: figures.decided }),
    },
    {
      key: 'averageWorkingDays',
      value: avg === null ? '—' : Math.round(avg * 10) / 10,
      suffix: avg === null ? undefined : t('statistics.daysUnit'),
    },
    { key: 'satisfaction', value: percent(figures.satisfaction) },
    { key: 'ratings', value: figures.ratings },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col xs={12} md={6} xxl={3} key={c.key}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t(`statistics.kpi.${c.key}`)} value={c.value} suffix={c.suffix} />
            {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Each department's figures, the total last; `brief` keeps what the public page shows. */
export function DepartmentTable({ statistics, brief = false }: { statistics: Statistics; brief?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows: Array<Department & { key: string; name: string }> = statistics.departments.map((d) => ({
    ...d,
    key: d.unit.id,
    name: d.unit.name[lang],
  }));
  const number = (key: keyof Figures) => ({
    title: t(`statistics.kpi.${key}`),
    dataIndex: key,
    align: 'right' as const,
  });
  const full = !brief;
  return (
    <Table
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      locale={{ emptyText: t('statistics.empty') }}
      columns={[
        { title: t('statistics.department'), dataIndex: 'name' },
        number('received'),
        ...(full ? [number('accepted')] : []),
        number('decided'),
        ...(full ? [number('granted'), number('onTime')] : []),
        {
          title: t('statistics.kpi.onTimeShare'),
          align: 'right' as const,
          render: (_: unknown, d: Department) => <strong>{percent(d.onTimeShare)}</strong>,
        },
        {
          title: t('statistics.kpi.averageWorkingDays'),
          align: 'right' as const,
          render: (_: unknown, d: Department) => days(t, d.averageWorkingDays),
        },
        ...(full ? [number('ratings')] : []),
        {
          title: t('statistics.kpi.satisfaction'),
          align: 'right' as const,
          render: (_: unknown, d: Department) => percent(d.satisfaction),
        },
      ]}
      summary={() =>
        rows.length > 1 && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('statistics.total')}</strong>
            </Table.Summary.Cell>
            {[
              statistics.province.received,
              ...(full ? [statistics.province.accepted] : []),
              statistics.province.decided,
              ...(full ? [statistics.province.granted, statistics.province.onTime] : []),
              percent(statistics.province.onTimeShare),
              days(t, statistics.province.averageWorkingDays),
              ...(full ? [statistics.province.ratings] : []),
              percent(statistics.province.satisfaction),
            ].map((v, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
              <Table.Summary.Cell key={i} index={i + 1} align="right">
                {v}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )
      }
    />
  );
}

/** Bars: each department's share decided within the legal limit, in per cent. */
export function onTimeBars(statistics: Statistics, lang: 'zh' | 'en', t: TFunction): ChartOption {
  const departments = statistics.departments;
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === '-' ? '—' : `${v}%`) },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: departments.map((d) => d.unit.name[lang]),
      axisLabel: { interval: 0, width: 120, overflow: 'break' },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: t('statistics.kpi.onTimeShare'),
        barMaxWidth: 48,
        itemStyle: { color: '#b71c1c' },
        label: { show: true, position: 'top', formatter: '{c}%' },
        data: departments.map((d) => (d.onTimeShare === null ? null : Math.round(d.onTimeShare * 1000) / 10)),
      },
    ],
  };
}

/** Lines: applications received and decided in each month of the period. */
export function monthlyLines(statistics: Statistics, t: TFunction): ChartOption {
  const months = statistics.months;
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        name: t('statistics.kpi.received'),
        symbolSize: 8,
        data: months.map((m) => m.received),
        itemStyle: { color: '#1677ff' },
      },
      {
        type: 'line',
        name: t('statistics.kpi.decided'),
        symbolSize: 8,
        data: months.map((m) => m.decided),
        itemStyle: { color: '#389e0d' },
      },
      {
        type: 'line',
        name: t('statistics.kpi.onTime'),
        symbolSize: 8,
        data: months.map((m) => m.onTime),
        itemStyle: { color: '#b71c1c' },
        lineStyle: { type: 'dashed' },
      },
    ],
  };
}
