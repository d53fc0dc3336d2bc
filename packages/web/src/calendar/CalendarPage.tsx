import { EditOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, InputNumber, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCalendarYear } from '../api/calendar.ts';
import { beijingToday } from '../shell/dates.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { ProvisionalClockList, VersionList } from './CalendarLists.tsx';
import { type Entered, NoticeModal } from './NoticeModal.tsx';
import { kindOf, Legend, YearView } from './YearView.tsx';

/** 节假日日历: the working-day calendar every time limit counts on, and the notices behind it. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { describe } = useProblemMessages();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => Number(beijingToday().slice(0, 4)));
  const [entering, setEntering] = useState(false);
  const [entered, setEntered] = useState<Entered>();
  const days = useQuery({
    queryKey: ['calendar', 'year', year],
    queryFn: () => fetchCalendarYear(year),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const data = days.data?.year === year ? days.data : undefined;
  const count = (kind: string) => data?.days.filter((d) => kindOf(d) === kind).length ?? 0;
  const onEntered = (e: Entered) => {
    setEntering(false);
    setEntered(e);
    void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
  };
  return (
    <>
      <Typography.Title level={2}>{t('workbench.pages.calendar')}</Typography.Title>
      {entered && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setEntered(undefined) }}
          title={t('calendar.enteredTitle', { id: entered.version.id })}
          description={t('calendar.recomputed', { count: entered.recomputed })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card
        style={{ marginBottom: 16 }}
        title={
          <Space wrap>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('calendar.prevYear')}
              onClick={() => setYear((y) => y - 1)}
            />
            <InputNumber
              aria-label={t('calendar.year')}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && v >= 2000 && v <= 2100 && setYear(v)}
              style={{ width: 96 }}
            />
            <Button
              icon={<RightOutlined />}
              aria-label={t('calendar.nextYear')}
              onClick={() => setYear((y) => y + 1)}
            />
            {data &&
              (data.provisional ? (
                <Tag color="gold">{t('cases.provisional')}</Tag>
              ) : (
                <Tag color="green">{t('calendar.hasNotice')}</Tag>
              ))}
          </Space>
        }
        extra={
          <Button type="primary" icon={<EditOutlined />} disabled={!data} onClick={() => setEntering(true)}>
            {t(data?.provisional ? 'calendar.enter' : 'calendar.correct', { year })}
          </Button>
        }
      >
        {days.isError && (
          <Alert type="error" showIcon title={describe(days.error)} style={{ marginBottom: 16 }} />
        )}
        {data ? (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {data.provisional ? (
              <Alert
                type="warning"
                showIcon
                title={t('calendar.provisionalYear', { year })}
                description={t('calendar.provisionalYearText')}
              />
            ) : (
              <Typography.Text>
                {t('calendar.summary', {
                  year,
                  source: data.source ?? '—',
                  holidays: count('holiday'),
                  makeup: count('makeup'),
                  work: count('work') + count('makeup'),
                })}
              </Typography.Text>
            )}
            <Legend />
            <YearView year={data} />
          </Space>
        ) : (
          !days.isError && <Spin />
        )}
      </Card>
      <VersionList />
      <ProvisionalClockList />
      {entering && data && <NoticeModal year={data} onClose={() => setEntering(false)} onDone={onEntered} />}
    </>
  );
}
