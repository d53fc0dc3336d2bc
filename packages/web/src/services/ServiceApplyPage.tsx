import { CheckCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { ErrorSchema } from '@rjsf/utils';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedCase, ServiceVersion } from '@yiwang/contracts';
import { Alert, Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../api/client.ts';
import { submitApplication } from '../api/services.ts';
import { newAttemptKey } from '../cases/caseParts.tsx';
import { beijingDateTime } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';
import { busy, useProblemMessages } from '../shell/problems.ts';
import { useMe } from '../shell/session.ts';
import { ApplicationReceipt } from './ApplicationReceipt.tsx';
import { SchemaForm, useSchemaMessage } from './SchemaForm.tsx';
import { useService } from './ServiceGuidePage.tsx';
import { LimitTags } from './ServiceList.tsx';
import { serverFieldErrors } from './serverErrors.ts';
import { type DraftStatus, useDraft } from './useDraft.ts';

function DraftState({ status }: { status: DraftStatus }) {
  const { t, i18n } = useTranslation();
  switch (status.state) {
    case 'saving':
      return (
        <Typography.Text type="secondary" role="status">
          <CloudSyncOutlined /> {t('serviceApply.draftSaving')}
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="secondary" role="status">
          <CheckCircleOutlined />{' '}
          {t('serviceApply.draftSaved', { time: beijingDateTime(status.at, i18n.language) })}
        </Typography.Text>
      );
    case 'failed':
      return (
        <Typography.Text type="warning" role="status">
          <ExclamationCircleOutlined /> {t('serviceApply.draftFailed')}
        </Typography.Text>
      );
    default:
      return <Typography.Text type="secondary">{t('serviceApply.draftHint')}</Typography.Text>;
  }
}

function ApplyForm({ service, onCreated }: { service: ServiceVersion; onCreated: (c: CreatedCase) => void }) {
  const { t, i18n } = useTranslation();
  const { describe, fieldMessage } = useProblemMessages();
  const message = useSchemaMessage();
  const draft = useDraft(service.serviceId);
  const [extraErrors, setExtraErrors] = useState<ErrorSchema>();
  const [invalid, setInvalid] = useState(0);
  // One key per filled-in form: a double click or a retry replays, a changed form files anew.
  const attempt = useRef(newAttemptKey());
  const mutation = useMutation({
    mutationFn: (form: Record<string, unknown>) =>
      submitApplication({ serviceId: service.serviceId, form }, attempt.current),
    onSuccess: (created) => {
      draft.stop();
      onCreated(created);
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.problem.errors?.length) {
        setExtraErrors(serverFieldErrors(error.problem.errors, message).schema);
      }
    },
  });
  const others =
    mutation.error instanceof ApiProblem
      ? serverFieldErrors(mutation.error.problem.errors ?? [], message).others
      : [];
  if (!draft.ready) return <Spin />;
  return (
    <>
      <div style={{ marginBottom: 16 }}>
        <DraftState status={draft.status} />
      </div>
      {draft.restoredAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('serviceApply.draftRestored', { time: beijingDateTime(draft.restoredAt, i18n.language) })}
          action={
            <Button size="small" onClick={draft.clear}>
              {t('serviceApply.restart')}
            </Button>
          }
        />
      )}
      {mutation.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={describe(mutation.error)}
          description={others.length > 0 ? others.map((e) => fieldMessage(e)).join('；') : undefined}
        />
      )}
      {invalid > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('serviceApply.formErrors', { count: invalid })}
        />
      )}
      <SchemaForm
        schema={service.formSchema}
        uiSchema={service.uiSchema}
        formData={draft.values}
        extraErrors={extraErrors}
        onChange={(v) => {
          attempt.current = newAttemptKey();
          if (mutation.isError) mutation.reset();
          setExtraErrors(undefined);
          setInvalid(0);
          draft.change(v);
        }}
        onInvalid={setInvalid}
        onSubmit={(v) => {
          setInvalid(0);
          if (!mutation.isPending) mutation.mutate(v);
        }}
      >
        <Typography.Paragraph type="secondary">{t('serviceApply.declaration')}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" size="large" loading={busy(mutation.isPending)}>
          {t('serviceApply.submit')}
        </Button>
      </SchemaForm>
    </>
  );
}

/** 在线申请 for a service of the catalogue: its form from the guide, the draft kept, then the receipt. */
export function ServiceApplyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { describe } = useProblemMessages();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const service = useService(useParams().serviceId);
  const [created, setCreated] = useState<CreatedCase>();
  if (service.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (service.isError) {
    return (
      <Result
        status="404"
        title={t('guide.notFound')}
        subTitle={describe(service.error)}
        extra={<Link to="/services">{t('guide.back')}</Link>}
      />
    );
  }
  const s = service.data;
  if (me?.kind === 'staff') {
    return <Result status="info" title={t('apply.staffTitle')} subTitle={t('apply.staffText')} />;
  }
  if (created) return <ApplicationReceipt created={created} service={s} />;
  return (
    <Card style={{ maxWidth: 900, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('serviceApply.heading', { name: s.name[lang] })}</Typography.Title>
      <Space orientation="vertical" size={8} style={{ marginBottom: 16 }}>
        <Typography.Text>
          {t('services.labelled', { label: t('services.unit'), value: s.owningUnit.name[lang] })}
        </Typography.Text>
        <LimitTags service={s} />
        <Typography.Text type="secondary">{t('serviceApply.intro')}</Typography.Text>
        <Link to={`/services/${s.serviceId}`}>{t('serviceApply.guide')}</Link>
      </Space>
      <ApplyForm
        service={s}
        onCreated={(c) => {
          setCreated(c);
          window.scrollTo({ top: 0 });
          void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
        }}
      />
    </Card>
  );
}
