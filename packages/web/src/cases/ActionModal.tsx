import { useMutation } from '@tanstack/react-query';
import type { AllowedAction, CaseDetail } from '@yiwang/contracts';
import { Alert, Button, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { performCaseAction } from '../api/cases.ts';
import { useLang } from '../shell/lang.ts';
import { hasFieldErrors, problemCode, useProblemMessages } from '../shell/problems.ts';
import { FieldItem } from './FieldItem.tsx';

type Props = {
  detail: CaseDetail;
  action: AllowedAction;
  onClose: () => void;
  onDone: (next: CaseDetail) => void;
  /** Someone else moved the case on: fetch it again. */
  onReload: () => void;
};

/** One action on a case: a form from the action's fields, sent with the version the person saw. */
export function ActionModal({ detail, action, onClose, onDone, onReload }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<{ input?: Record<string, unknown> }>();
  const { applyFieldErrors, describe } = useProblemMessages();
  const mutation = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      performCaseAction(detail.case.id, action.code, { expectedVersion: detail.case.version, input }),
    onSuccess: onDone,
    onError: (error) => applyFieldErrors(form, error),
  });
  const code = problemCode(mutation.error);
  const moved = code === 'stale_version' || code === 'action_not_allowed';
  return (
    <Modal
      open
      title={action.label[lang]}
      okText={t('cases.confirmAction')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ disabled: moved }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('cases.actionOn', { number: detail.case.trackingNumber, title: detail.case.title })}
      </Typography.Paragraph>
      {moved && (
        <Alert
          type="warning"
          showIcon
          title={t(code === 'stale_version' ? 'cases.staleTitle' : 'cases.notAllowedTitle')}
          description={t('cases.staleText')}
          action={
            <Button size="small" type="primary" onClick={onReload}>
              {t('cases.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {mutation.isError && !moved && (!hasFieldErrors(mutation.error) || code === 'materials_missing') && (
        <Alert type="error" showIcon title={describe(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark
        onFinish={(values) => mutation.mutate(values.input ?? {})}
      >
        {action.fields.length === 0 && <Typography.Paragraph>{t('cases.noFields')}</Typography.Paragraph>}
        {action.fields.map((f) => (
          <FieldItem key={f.name} field={f} parent="input" />
        ))}
      </Form>
    </Modal>
  );
}
