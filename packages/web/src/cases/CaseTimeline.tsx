import { ArrowRightOutlined } from '@ant-design/icons';
import type { CaseDetail, FieldDefinition, TimelineEntry } from '@yiwang/contracts';
import { Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { beijingDateTime, beijingDueTime } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';
import { fieldValueText, useProcesses } from './caseParts.tsx';

/** Explicit colours: the theme's primary is red, which would read as "overdue". */
const colorOf = (e: TimelineEntry) =>
  e.action === 'clock.overdue' || e.action === 'clock.escalated'
    ? '#cf1322'
    : e.action === 'clock.warned' || e.action === 'clock.recomputed'
      ? '#fa8c16'
      : e.action === 'submit'
        ? '#1677ff'
        : '#52c41a';

/** The case's steps, oldest first: what was done, by whom, when, with what was entered. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const process = useProcesses().data?.find((p) => p.code === detail.case.process.code);
  const stateLabel = (code: string) => process?.states.find((s) => s.code === code)?.label[lang] ?? code;
  // The fields the page knows of, to label what earlier steps entered.
  const known = new Map<string, FieldDefinition>(
    [...detail.formFields, ...detail.allowedActions.flatMap((a) => a.fields)].map((f) => [f.name, f]),
  );
  const keyLabel = (key: string) =>
    known.get(key)?.label[lang] ?? t(`cases.inputKeys.${key}`, { defaultValue: key });
  const valueText = (key: string, value: unknown) => {
    if (key === 'clock' && typeof value === 'string') {
      return detail.clocks.find((c) => c.code === value)?.label[lang] ?? value;
    }
    if (key === 'dueAt' && typeof value === 'string') return beijingDueTime(value, i18n.language);
    if (key === 'role' && typeof value === 'string') return t(`roles.${value}`, { defaultValue: value });
    const field = known.get(key);
    if (!field && typeof value === 'string') return t(`cases.inputValues.${value}`, { defaultValue: value });
    return fieldValueText(field, value, lang);
  };
  return (
    <Timeline
      items={detail.timeline.map((e) => ({
        key: e.seq,
        color: colorOf(e),
        content: (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{e.label[lang]}</Typography.Text>
              {e.fromState && e.fromState !== e.toState && (
                <span>
                  <Tag>{stateLabel(e.fromState)}</Tag>
                  <ArrowRightOutlined style={{ fontSize: 12, marginInlineEnd: 8 }} />
                  <Tag color="blue">{stateLabel(e.toState)}</Tag>
                </span>
              )}
              {!e.fromState && <Tag color="blue">{stateLabel(e.toState)}</Tag>}
            </Space>
            <Typography.Text type="secondary">
              {e.actorName} · {beijingDateTime(e.at, i18n.language)}
            </Typography.Text>
            {Object.keys(e.input).length > 0 && (
              <Descriptions
                size="small"
                column={1}
                bordered
                style={{ marginTop: 4, maxWidth: 720 }}
                items={Object.entries(e.input).map(([key, value]) => ({
                  key,
                  label: keyLabel(key),
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{valueText(key, value)}</span>,
                }))}
              />
            )}
          </Space>
        ),
      }))}
    />
  );
}
