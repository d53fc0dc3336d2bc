import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CaseSummary, FieldDefinition, ProcessSummary } from '@yiwang/contracts';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchProcesses } from '../api/cases.ts';
import { beijingDueTime } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';

/** A due time this close or closer counts as "due soon" (orange) in lists. */
const DUE_SOON_MS = 3 * 24 * 3600 * 1000;

export const processesKey = ['processes'] as const;

/** The processes the platform runs (public, rarely changes). */
export function useProcesses() {
  return useQuery({ queryKey: processesKey, queryFn: fetchProcesses, staleTime: 10 * 60_000 });
}

/**
 * The processes one files directly. A licence (system `approval`) is applied for through a
 * service of the catalogue instead, which fixes its form, materials and limits.
 */
export function directProcesses(processes: ProcessSummary[]): ProcessSummary[] {
  return processes.filter((p) => p.system !== 'approval');
}

/** A licence case: opened through a service of the catalogue. */
export const isLicence = (c: { process: { system: string } }) => c.process.system === 'approval';

type State = CaseSummary['state'];

/** Closed states that say no: refused, not accepted. */
const REFUSALS = new Set(['refused', 'not_accepted']);

/** A state: open ones in blue, a correction awaited in orange, closed ones green, red (a refusal) or grey. */
export function StateTag({ state }: { state: State }) {
  const lang = useLang();
  const color = state.terminal
    ? state.code === 'withdrawn'
      ? 'default'
      : REFUSALS.has(state.code)
        ? 'red'
        : 'green'
    : state.code === 'correcting'
      ? 'orange'
      : 'blue';
  return <Tag color={color}>{state.label[lang]}</Tag>;
}

/** 暂定: the year's holiday notice is not out yet, so the due day may still move. */
export function ProvisionalTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('cases.provisionalHelp')}>
      <Tag color="gold" icon={<ClockCircleOutlined />}>
        {t('cases.provisional')}
      </Tag>
    </Tooltip>
  );
}

export type DueStatus = 'overdue' | 'soon' | 'normal';

export function dueStatus(dueAt: string | null, overdue: boolean, now = Date.now()): DueStatus {
  if (overdue) return 'overdue';
  if (dueAt && new Date(dueAt).getTime() - now < DUE_SOON_MS) return 'soon';
  return 'normal';
}

const dueColor = { overdue: '#cf1322', soon: '#d46b08', normal: undefined } as const;

/** A case's due time in Beijing time: red with 已超期 when past, orange when near, 暂定 when provisional. */
export function DueTime({
  dueAt,
  overdue,
  provisional,
  closed,
}: {
  dueAt: string | null;
  overdue: boolean;
  provisional: boolean;
  closed?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!dueAt) return <Typography.Text type="secondary">{closed ? t('cases.closed') : '—'}</Typography.Text>;
  const status = closed ? 'normal' : dueStatus(dueAt, overdue);
  return (
    <Space size={4} wrap>
      <span
        style={{ color: dueColor[status], whiteSpace: 'nowrap', fontWeight: status === 'normal' ? 400 : 600 }}
      >
        {beijingDueTime(dueAt, i18n.language)}
      </span>
      {status === 'overdue' && (
        <Tag color="red" icon={<ExclamationCircleOutlined />}>
          {t('cases.overdue')}
        </Tag>
      )}
      {status === 'soon' && <Tag color="orange">{t('cases.dueSoon')}</Tag>}
      {provisional && !closed && <ProvisionalTag />}
    </Space>
  );
}

/** A submitted value as a person reads it: the option's label for a choice. */
export function fieldValueText(
  field: FieldDefinition | undefined,
  value: unknown,
  lang: 'zh' | 'en',
): string {
  if (value === undefined || value === null || value === '') return '—';
  const option = field?.options?.find((o) => o.value === value);
  if (option) return option.label[lang];
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A fresh key for one submit attempt (Idempotency-Key); getRandomValues works on plain http too. */
export function newAttemptKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
