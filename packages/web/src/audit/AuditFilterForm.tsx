import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type AuditFilter, auditCsvHref } from '../api/audit.ts';

type Values = Omit<AuditFilter, 'from' | 'to'> & { range?: [Dayjs | null, Dayjs | null] | null };

const outcomes = ['success', 'denied', 'failure'] as const;

function toFilter({ range, ...v }: Values): AuditFilter {
  const clean = (s?: string) => (s?.trim() ? s.trim() : undefined);
  return {
    action: clean(v.action),
    outcome: v.outcome,
    actorUserId: clean(v.actorUserId),
    targetId: clean(v.targetId),
    from: range?.[0]?.toISOString(),
    to: range?.[1]?.toISOString(),
  };
}

/** What to look for; the same filter drives the table and the CSV export. */
export function AuditFilterForm({
  filter,
  onChange,
}: {
  filter: AuditFilter;
  onChange: (f: AuditFilter) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(v) => onChange(toFilter(v))}
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item name="action" label={t('audit.action')}>
        <Input placeholder={t('audit.actionPlaceholder')} allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.outcome')}>
        <Select
          allowClear
          style={{ width: 120 }}
          options={outcomes.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
        />
      </Form.Item>
      <Form.Item name="actorUserId" label={t('audit.actorUserId')}>
        <Input allowClear style={{ width: 200 }} placeholder="UUID" />
      </Form.Item>
      <Form.Item name="targetId" label={t('audit.targetId')}>
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.timeRange')}>
        <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('audit.query')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('audit.reset')}
        </Button>
        <Button icon={<DownloadOutlined />} href={auditCsvHref(filter)} download>
          {t('audit.exportCsv')}
        </Button>
      </Space>
    </Form>
  );
}
