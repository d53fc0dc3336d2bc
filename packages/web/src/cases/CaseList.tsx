import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseList as CaseListData } from '@yiwang/contracts';
import { Alert, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type CaseFilter, fetchCases } from '../api/cases.ts';
import { legalDateText } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { DueTime, dueStatus, StateTag, useProcesses } from './caseParts.tsx';

type Row = CaseListData['items'][number];
type Area = 'workbench' | 'portal';
const casePath = { workbench: '/workbench/cases/', portal: '/my/cases/' } as const;

function Filters({ filter, onChange }: { filter: CaseFilter; onChange: (f: CaseFilter) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const processes = useProcesses().data ?? [];
  const chosen = processes.filter((p) => !filter.process || p.code === filter.process);
  const states = new Map(chosen.flatMap((p) => p.states.map((s) => [s.code, s.label[lang]] as const)));
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        allowClear
        aria-label={t('cases.filterProcess')}
        placeholder={t('cases.filterProcess')}
        style={{ width: 220 }}
        value={filter.process}
        options={processes.map((p) => ({ value: p.code, label: p.name[lang] }))}
        onChange={(process?: string) => onChange({ ...filter, process, state: undefined })}
      />
      <Select
        allowClear
        aria-label={t('cases.filterState')}
        placeholder={t('cases.filterState')}
        style={{ width: 160 }}
        value={filter.state}
        options={[...states].map(([value, label]) => ({ value, label }))}
        onChange={(state?: string) => onChange({ ...filter, state })}
      />
      <Checkbox
        checked={filter.overdue === 'true'}
        onChange={(e) => onChange({ ...filter, overdue: e.target.checked ? 'true' : undefined })}
      >
        {t('cases.onlyOverdue')}
      </Checkbox>
      <Input.Search
        allowClear
        aria-label={t('cases.search')}
        placeholder={t('cases.searchPlaceholder')}
        maxLength={60}
        style={{ width: 280 }}
        onSearch={(v) => onChange({ ...filter, q: v.trim() || undefined })}
      />
    </Space>
  );
}

/** A page of cases: the staff queue by due time, or an applicant's own; a row opens the case. */
export function CaseList({ area }: { area: Area }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { describe } = useProblemMessages();
  const [filter, setFilter] = useState<CaseFilter>({});
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: ['cases', 'list', area, filter, page],
    queryFn: () => fetchCases(filter, page.pageSize, (page.current - 1) * page.pageSize),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const processes = useProcesses().data ?? [];
  const actionLabel = (process: string, code: string) =>
    processes.find((p) => p.code === process)?.actions.find((a) => a.code === code)?.label[lang] ?? code;
  return (
    <>
      <Filters
        filter={filter}
        onChange={(f) => {
          setFilter(f);
          setPage((p) => ({ ...p, current: 1 }));
        }}
      />
      {list.isError && (
        <Alert type="error" showIcon title={describe(list.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={list.isFetching && !list.isError}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t(area === 'workbench' ? 'cases.emptyQueue' : 'cases.emptyMine') }}
        rowClassName={(c) => (c.state.terminal ? '' : `case-row-${dueStatus(c.dueAt, c.overdue)}`)}
        onRow={(c) => ({ onClick: () => navigate(`${casePath[area]}${c.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          ...page,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('cases.total', { count: total }),
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        columns={[
          {
            title: t('cases.trackingNumber'),
            dataIndex: 'trackingNumber',
            render: (v: string) => <span style={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>{v}</span>,
          },
          {
            title: t('cases.title'),
            dataIndex: 'title',
            render: (v: string, c) => (
              <Link to={`${casePath[area]}${c.id}`} onClick={(e) => e.stopPropagation()}>
                {v}
              </Link>
            ),
          },
          { title: t('cases.state'), render: (_, c) => <StateTag state={c.state} /> },
          {
            title: t('cases.dueAt'),
            render: (_, c) => (
              <DueTime
                dueAt={c.dueAt}
                overdue={c.overdue}
                provisional={c.provisional}
                closed={c.state.terminal}
              />
            ),
          },
          ...(area === 'workbench'
            ? [
                {
                  title: t('cases.myActions'),
                  render: (_: unknown, c: Row) => (
                    <Space size={4} wrap>
                      {c.allowedActions.map((a) => (
                        <Tag key={a}>{actionLabel(c.process.code, a)}</Tag>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
          { title: t('cases.process'), render: (_, c) => c.process.name[lang] },
          { title: t('cases.owningUnit'), render: (_, c) => c.owningUnit.name[lang] },
          {
            title: t('cases.receivedOn'),
            render: (_, c) => (
              <span style={{ whiteSpace: 'nowrap' }}>{legalDateText(c.receivedOn, i18n.language)}</span>
            ),
          },
        ]}
      />
      {area === 'workbench' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('cases.queueHelp')}
        </Typography.Paragraph>
      )}
    </>
  );
}
