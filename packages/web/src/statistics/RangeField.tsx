import { DatePicker, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { StatisticsRange } from '../api/approval.ts';

/** A period picker over legal dates (YYYY-MM-DD); cleared, the server's default period applies. */
export function RangeField({
  range,
  shown,
  onChange,
}: {
  range: StatisticsRange;
  shown?: { from: string; to: string };
  onChange: (r: StatisticsRange) => void;
}) {
  const { t } = useTranslation();
  const value = range.from && range.to ? range : shown;
  return (
    <Space wrap>
      <Typography.Text>{t('statistics.range')}</Typography.Text>
      <DatePicker.RangePicker
        aria-label={t('statistics.range')}
        allowClear
        value={value ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(dates: [Dayjs | null, Dayjs | null] | null) =>
          onChange(
            dates?.[0] && dates[1]
              ? { from: dates[0].format('YYYY-MM-DD'), to: dates[1].format('YYYY-MM-DD') }
              : {},
          )
        }
      />
    </Space>
  );
}
