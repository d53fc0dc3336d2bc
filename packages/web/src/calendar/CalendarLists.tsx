import { useQuery } from '@tanstack/react-query';
import type { calendarVersionSchema, provisionalClockListSchema } from '@yiwang/contracts';
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fetchCalendarVersions, fetchProvisionalClocks } from '../api/calendar.ts';
import { useProcesses } from '../cases/caseParts.tsx';
import { beijingDateTime, beijingDueTime } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';

type Version = z.infer<typeof calendarVersionSchema>;
type ProvisionalClock = z.infer<typeof provisionalClockListSchema>['items'][number];

export const versionsKey = ['calendar', 'versions'] as const;
export const provisionalKey = ['calendar', 'provisional'] as const;

/** The calendar versions in force, the built-in chinese-days data first. */
export function VersionList() {
  const { t, i18n } = useTranslation();
  const { describe } = useProblemMessages();
  const versions = useQuery({ queryKey: versionsKey, queryFn: fetchCalendarVersions, retry: false });
  const rows = [...(versions.data ?? [])].sort((a, b) => Number(b.builtIn) - Number(a.builtIn));
  return (
    <Card title={t('calendar.versions')} style={{ marginBottom: 16 }}>
      {versions.isError && (
        <Alert type="error" showIcon title={describe(versions.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<Version>
        rowKey="id"
        size="small"
        loading={versions.isPending && !versions.isError}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('calendar.versionId'),
            render: (_, v) => (
              <>
                <code>{v.id}</code> {v.builtIn && <Tag color="blue">{t('calendar.builtIn')}</Tag>}
              </>
            ),
          },
          {
            title: t('calendar.effectiveFrom'),
            render: (_, v) =>
              v.builtIn ? t('calendar.always') : beijingDateTime(v.effectiveFrom, i18n.language),
          },
          {
            title: t('calendar.years'),
            render: (_, v) => (v.years.length > 6 ? `${v.years[0]}–${v.years.at(-1)}` : v.years.join('、')),
          },
          { title: t('calendar.source'), render: (_, v) => v.sources.join('；') },
          { title: t('calendar.note'), dataIndex: 'note' },
          { title: t('calendar.enteredBy'), render: (_, v) => v.enteredBy ?? '—' },
        ]}
      />
    </Card>
  );
}

/** Running clocks whose due day rests on a year without a notice: they move once it is entered. */
export function ProvisionalClockList() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const { describe } = useProblemMessages();
  const clocks = useQuery({ queryKey: provisionalKey, queryFn: fetchProvisionalClocks, retry: false });
  const defs = (useProcesses().data ?? []).flatMap((p) => p.clocks);
  return (
    <Card title={t('calendar.provisionalClocks')}>
      <Typography.Paragraph type="secondary">{t('calendar.provisionalClocksIntro')}</Typography.Paragraph>
      {clocks.isError && (
        <Alert type="error" showIcon title={describe(clocks.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<ProvisionalClock>
        rowKey={(c) => `${c.caseId}-${c.clock}`}
        size="small"
        loading={clocks.isPending && !clocks.isError}
        dataSource={clocks.data?.items ?? []}
        locale={{ emptyText: t('calendar.noProvisional') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        footer={() => t('cases.total', { count: clocks.data?.total ?? 0 })}
        columns={[
          { title: t('cases.trackingNumber'), dataIndex: 'trackingNumber' },
          {
            title: t('tasks.clock'),
            render: (_, c) => defs.find((d) => d.code === c.clock)?.label[lang] ?? c.clock,
          },
          {
            title: t('cases.dueAt'),
            render: (_, c) => (c.dueAt ? beijingDueTime(c.dueAt, i18n.language) : '—'),
          },
          { title: t('calendar.versionId'), render: (_, c) => <code>{c.calendarVersion ?? '—'}</code> },
        ]}
      />
    </Card>
  );
}
