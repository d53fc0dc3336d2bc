import { useMutation } from '@tanstack/react-query';
import type { CreateSiteFeedback, SiteFeedbackReceipt } from '@yiwang/contracts';
import { siteFeedbackCategorySchema } from '@yiwang/contracts';
import { Alert, Button, Card, Form, Input, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendSiteFeedback } from '../api/portal.ts';
import { hasFieldErrors, useProblemMessages } from '../shell/problems.ts';

export function FeedbackPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateSiteFeedback>();
  const [receipt, setReceipt] = useState<SiteFeedbackReceipt>();
  const { applyFieldErrors, describe } = useProblemMessages();
  const mutation = useMutation({
    mutationFn: sendSiteFeedback,
    onSuccess: setReceipt,
    onError: (error) => applyFieldErrors(form, error),
  });
  if (receipt) {
    return (
      <Result
        status="success"
        title={t('feedback.received')}
        subTitle={t('feedback.receivedText', { code: receipt.trackingCode })}
        extra={
          <Button
            onClick={() => {
              form.resetFields();
              setReceipt(undefined);
            }}
          >
            {t('feedback.again')}
          </Button>
        }
      />
    );
  }
  return (
    <Card style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('feedback.title')}</Typography.Title>
      <Typography.Paragraph>{t('feedback.intro')}</Typography.Paragraph>
      {mutation.isError && !hasFieldErrors(mutation.error) && (
        <Alert type="error" showIcon title={describe(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)} requiredMark>
        <Form.Item
          name="page"
          label={t('feedback.page')}
          extra={t('feedback.pageHelp')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('feedback.category')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            options={siteFeedbackCategorySchema.options.map((c) => ({
              value: c,
              label: t(`feedback.categories.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('feedback.description')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('feedback.submit')}
        </Button>
      </Form>
    </Card>
  );
}
