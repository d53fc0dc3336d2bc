import { SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { TrackedCase } from '@yiwang/contracts';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { trackCase } from '../api/cases.ts';
import { beijingDateTime, beijingDueTime, legalDateText } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';
import { busy, hasFieldErrors, problemCode, useProblemMessages } from '../shell/problems.ts';

type Values = { number: string; code: string };

function Tracked({ found }: { found: TrackedCase }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const closed = found.state.terminal;
  return (
    <Card title={found.title} extra={<Tag color={closed ? 'green' : 'blue'}>{found.state.label[lang]}</Tag>}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24 }}
        items={[
          { key: 'number', label: t('cases.trackingNumber'), children: found.trackingNumber },
          { key: 'process', label: t('cases.process'), children: found.process[lang] },
          { key: 'unit', label: t('cases.owningUnit'), children: found.owningUnit[lang] },
          { key: 'state', label: t('cases.state'), children: <strong>{found.state.label[lang]}</strong> },
          {
            key: 'received',
            label: t('cases.receivedOn'),
            children: legalDateText(found.receivedOn, i18n.language),
          },
          closed && found.closedAt
            ? {
                key: 'closed',
                label: t('tracking.closedAt'),
                children: beijingDateTime(found.closedAt, i18n.language),
              }
            : {
                key: 'due',
                label: t('cases.dueAt'),
                children: found.dueAt ? beijingDueTime(found.dueAt, i18n.language) : t('tracking.noDue'),
              },
        ]}
      />
      <Typography.Title level={4}>{t('tracking.steps')}</Typography.Title>
      <Timeline
        items={found.timeline.map((s, i) => ({
          key: `${s.at}-${i}`,
          color: i === found.timeline.length - 1 ? (closed ? 'green' : 'blue') : 'gray',
          content: (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{s.label[lang]}</Typography.Text>
              <Typography.Text type="secondary">
                {beijingDateTime(s.at, i18n.language)} ·{' '}
                {t('tracking.stateAfter', { state: s.toState[lang] })}
              </Typography.Text>
            </Space>
          ),
        }))}
      />
    </Card>
  );
}

/** 办件查询: anyone with the tracking number and the lookup code sees the state and the steps. */
export function TrackingPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const { applyFieldErrors, describe } = useProblemMessages();
  const lookup = useMutation({
    mutationFn: (v: Values) => trackCase(v.number.trim(), v.code.trim().toUpperCase()),
    onError: (error) => applyFieldErrors(form, error),
  });
  const code = problemCode(lookup.error);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2}>{t('nav.tracking')}</Typography.Title>
        <Typography.Paragraph>{t('tracking.intro')}</Typography.Paragraph>
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 12 }}
          initialValues={{ number: params.get('number') ?? '', code: '' }}
          onFinish={(v) => lookup.mutate(v)}
        >
          <Form.Item
            name="number"
            label={t('cases.trackingNumber')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: /^\s*\d{6}-\d{8}-\d{6}\s*$/, message: t('tracking.numberFormat') },
            ]}
          >
            <Input placeholder="230100-20261128-000123" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('apply.lookupCode')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: /^\s*[0-9A-Za-z]{10}\s*$/, message: t('tracking.codeFormat') },
            ]}
          >
            <Input placeholder={t('tracking.codePlaceholder')} style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={busy(lookup.isPending)}>
            {t('tracking.search')}
          </Button>
        </Form>
      </Card>
      {lookup.isError && !hasFieldErrors(lookup.error) && (
        <Alert
          type={code === 'case_lookup_failed' ? 'warning' : 'error'}
          showIcon
          title={code === 'case_lookup_failed' ? t('tracking.notFound') : describe(lookup.error)}
          description={code === 'case_lookup_failed' ? t('tracking.notFoundText') : undefined}
        />
      )}
      {lookup.data && !lookup.isError && <Tracked found={lookup.data} />}
    </Space>
  );
}
