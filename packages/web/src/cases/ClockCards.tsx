import type { ClockView } from '@yiwang/contracts';
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { beijingDueTime, legalDateText } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';
import { ProvisionalTag } from './caseParts.tsx';

const statusColor = {
  not_started: 'default',
  running: 'processing',
  paused: 'warning',
  stopped: 'default',
} as const;

/** What is left, in the clock's own unit; negative once it has run out. */
function Remaining({ clock }: { clock: ClockView }) {
  const { t } = useTranslation();
  const r = clock.remaining;
  if (!r) return null;
  const [unit, value] =
    r.workingDays !== undefined
      ? (['working_days', r.workingDays] as const)
      : r.calendarDays !== undefined
        ? (['calendar_days', r.calendarDays] as const)
        : (['hours', Math.floor(r.hours ?? 0)] as const);
  const done = clock.status === 'stopped';
  if (clock.overdue || value < 0) {
    return (
      <Typography.Text strong type="danger" style={{ fontSize: 18 }}>
        {t('cases.clock.overdueBy', {
          count: Math.abs(value),
          unit: t(`cases.units.${unit}`, { count: Math.abs(value) }),
        })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text
      strong
      style={{ fontSize: 18, color: done ? undefined : value <= 3 ? '#d46b08' : '#389e0d' }}
    >
      {t(done ? 'cases.clock.leftAtStop' : 'cases.clock.left', {
        count: value,
        unit: t(`cases.units.${unit}`, { count: value }),
      })}
    </Typography.Text>
  );
}

function ClockCard({ clock }: { clock: ClockView }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const unit = (n: number) => t(`cases.units.${clock.unit}`, { count: n });
  const danger = clock.overdue && clock.status !== 'stopped';
  return (
    <Card
      size="small"
      title={clock.label[lang]}
      extra={
        <Tag color={danger ? 'error' : statusColor[clock.status]}>
          {t(`cases.clock.status.${clock.status}`)}
        </Tag>
      }
      style={danger ? { borderColor: '#ff4d4f', background: '#fff1f0' } : undefined}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('cases.clock.basis', { basis: clock.basis, limit: clock.limit, unit: unit(clock.limit) })}
        </Typography.Text>
        <Remaining clock={clock} />
        {clock.dueAt ? (
          <Typography.Text type={danger ? 'danger' : undefined}>
            {t('cases.clock.dueAt', { time: beijingDueTime(clock.dueAt, i18n.language) })}
          </Typography.Text>
        ) : (
          clock.status === 'paused' && <Typography.Text>{t('cases.clock.pausedNoDue')}</Typography.Text>
        )}
        {clock.startDay && (
          <Typography.Text type="secondary">
            {t('cases.clock.startDay', { day: legalDateText(clock.startDay, i18n.language) })}
          </Typography.Text>
        )}
        {clock.pausedDays > 0 && (
          <Typography.Text type="secondary">
            {t('cases.clock.paused', { count: clock.pausedDays, unit: unit(clock.pausedDays) })}
          </Typography.Text>
        )}
        {clock.extendedBy > 0 && (
          <Typography.Text type="secondary">
            {t('cases.clock.extended', { count: clock.extendedBy, unit: unit(clock.extendedBy) })}
          </Typography.Text>
        )}
        {clock.provisional && clock.status !== 'stopped' && (
          <Space size={4}>
            <ProvisionalTag />
            <Typography.Text type="secondary">{t('cases.provisionalShort')}</Typography.Text>
          </Space>
        )}
      </Space>
    </Card>
  );
}

/** The case's time limits, each with its legal basis, due time in Beijing time and what is left. */
export function ClockCards({ clocks }: { clocks: ClockView[] }) {
  if (clocks.length === 0) return null;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {clocks.map((c) => (
        <Col xs={24} md={12} xl={8} key={c.code}>
          <ClockCard clock={c} />
        </Col>
      ))}
    </Row>
  );
}
