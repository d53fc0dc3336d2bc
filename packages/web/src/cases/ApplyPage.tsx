import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedCase, ProcessSummary } from '@yiwang/contracts';
import { Alert, Button, Card, Form, Input, List, Result, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { createCase } from '../api/cases.ts';
import { UnitPicker } from '../orgs/UnitPicker.tsx';
import { useLang } from '../shell/lang.ts';
import { busy, hasFieldErrors, useProblemMessages } from '../shell/problems.ts';
import { useMe } from '../shell/session.ts';
import { CreatedReceipt } from './CreatedReceipt.tsx';
import { directProcesses, newAttemptKey, useProcesses } from './caseParts.tsx';
import { FieldItem } from './FieldItem.tsx';

type Values = { title: string; unitId: string; form?: Record<string, unknown> };

function ApplyForm({ process, onCreated }: { process: ProcessSummary; onCreated: (c: CreatedCase) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const { applyFieldErrors, describe } = useProblemMessages();
  // One key per filled-in form: a double click or a retry replays, a changed form files anew.
  const attempt = useRef(newAttemptKey());
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      createCase(
        { process: process.code, unitId: v.unitId, title: v.title, form: v.form ?? {} },
        attempt.current,
      ),
    onSuccess: onCreated,
    onError: (error) => applyFieldErrors(form, error),
  });
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark
      onValuesChange={() => {
        attempt.current = newAttemptKey();
      }}
      onFinish={(v) => {
        if (!mutation.isPending) mutation.mutate(v);
      }}
    >
      {mutation.isError && !hasFieldErrors(mutation.error) && (
        <Alert type="error" showIcon title={describe(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="unitId"
        label={t('apply.unit')}
        extra={t('apply.unitHelp')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <UnitPicker departmentsOnly placeholder={t('apply.unitPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('apply.title')}
        extra={t('apply.titleHelp')}
        rules={[
          required,
          { min: 2, message: t('validation.too_small') },
          { max: 200, message: t('validation.too_long', { max: 200 }) },
        ]}
      >
        <Input maxLength={200} showCount />
      </Form.Item>
      {process.form.map((f) => (
        <FieldItem key={f.name} field={f} parent="form" />
      ))}
      <Typography.Paragraph type="secondary">
        {t('apply.declaration', { name: process.name[lang] })}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" size="large" loading={busy(mutation.isPending)}>
        {t('apply.submit')}
      </Button>
    </Form>
  );
}

/** 在线申请: a process's form, the department it goes to and a title; then the number and code, once. */
export function ApplyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const code = useParams().process ?? '';
  const queryClient = useQueryClient();
  const me = useMe().data;
  const processes = useProcesses();
  const [created, setCreated] = useState<CreatedCase>();
  if (processes.isPending) return <Spin />;
  const process = directProcesses(processes.data ?? []).find((p) => p.code === code);
  // A licence is applied for through a service of the catalogue.
  if (!process && processes.data?.some((p) => p.code === code)) return <Navigate to="/services" replace />;
  if (!process) {
    return (
      <Result
        status="404"
        title={t('apply.noSuchProcess')}
        extra={<Link to="/">{t('section.backHome')}</Link>}
      />
    );
  }
  if (me?.kind === 'staff') {
    return <Result status="info" title={t('apply.staffTitle')} subTitle={t('apply.staffText')} />;
  }
  if (created) return <CreatedReceipt created={created} />;
  return (
    <Card style={{ maxWidth: 860, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('apply.heading', { name: process.name[lang] })}</Typography.Title>
      {process.clocks.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 24 }}
          title={t('apply.limits')}
          description={
            <List
              size="small"
              split={false}
              dataSource={process.clocks}
              renderItem={(c) => (
                <List.Item style={{ padding: '2px 0' }}>
                  {t('apply.limit', {
                    label: c.label[lang],
                    limit: c.limit,
                    unit: t(`cases.units.${c.unit}`, { count: c.limit }),
                    basis: c.basis,
                  })}
                </List.Item>
              )}
            />
          }
        />
      )}
      <ApplyForm
        process={process}
        onCreated={(c) => {
          setCreated(c);
          window.scrollTo({ top: 0 });
          void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
        }}
      />
    </Card>
  );
}
