import type { CalendarYear } from '@yiwang/contracts';
import { Col, Row, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

type Day = CalendarYear['days'][number];

export type DayKind = 'holiday' | 'makeup' | 'rest' | 'work';

export function kindOf(d: Day): DayKind {
  if (!d.workday && d.holidayName) return 'holiday';
  if (d.workday && d.compensates) return 'makeup';
  return d.workday ? 'work' : 'rest';
}

/** Monday first, as Chinese calendars are printed. */
const weekdayIndex = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

function Month({ month, days }: { month: number; days: Day[] }) {
  const { t, i18n } = useTranslation();
  const name = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
  const blanks = days[0] ? weekdayIndex(days[0].date) : 0;
  const cells: Array<Day | null> = [...Array.from({ length: blanks }, () => null), ...days];
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <div className="cal-month">
      <table className="cal-table">
        <caption>{name}</caption>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find((d) => d)?.date}>
              {week.map((d, i) => {
                if (!d) return <td key={`blank-${weekdays[i]}`} />;
                const kind = kindOf(d);
                const note =
                  kind === 'holiday'
                    ? t('calendar.holidayOf', { name: d.holidayName })
                    : kind === 'makeup'
                      ? t('calendar.makeupFor', { name: d.compensates })
                      : t(`calendar.kinds.${kind}`);
                return (
                  <Tooltip key={d.date} title={`${d.date} ${note}`}>
                    <td className={`cal-day cal-${kind}`} aria-label={`${d.date} ${note}`}>
                      {Number(d.date.slice(8))}
                      {kind === 'holiday' && <span className="cal-mark">{t('calendar.restMark')}</span>}
                      {kind === 'makeup' && <span className="cal-mark">{t('calendar.workMark')}</span>}
                    </td>
                  </Tooltip>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Legend() {
  const { t } = useTranslation();
  return (
    <Space wrap size={16}>
      {(['holiday', 'makeup', 'rest', 'work'] as const).map((k) => (
        <Space key={k} size={6}>
          <span className={`cal-swatch cal-${k}`} />
          {t(`calendar.kinds.${k}`)}
        </Space>
      ))}
    </Space>
  );
}

/** A year as twelve month grids: holidays red (休), make-up working days orange (班), weekends grey. */
export function YearView({ year }: { year: CalendarYear }) {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <Row gutter={[16, 16]}>
      {months.map((m) => (
        <Col xs={24} sm={12} lg={8} xl={6} key={m}>
          <Month month={m} days={year.days.filter((d) => Number(d.date.slice(5, 7)) === m)} />
        </Col>
      ))}
    </Row>
  );
}
