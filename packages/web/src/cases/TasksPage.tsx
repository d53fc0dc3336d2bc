import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseTask } from '@yiwang/contracts';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { completeTask, fetchTasks } from '../api/cases.ts';
import { ModalError, useModalMutation } from '../orgs/formParts.tsx';
import { beijingDateTime } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { DueTime, useProcesses } from './caseParts.tsx';

function DoneModal({ task, onClose, onDone }: { task: CaseTask; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const mutation = useModalMutation(
    form,
    (v: { note: string }) => completeTask(task.id, v.note.trim()),
    onDone,
  );
  return (
    <Modal
      open
      title={t('tasks.doneTitle', { number: task.case.trackingNumber })}
      okText={t('tasks.done')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ModalError error={mutation.error} />
      <Form form={form} layout="vertical" requiredMark onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="note"
          label={t('tasks.note')}
          extra={t('tasks.noteHelp')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, message: t('validation.too_small') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 督办任务: cases of the units I supervise whose time ran out, until I record what was done. */
export function TasksPage() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const { describe } = useProblemMessages();
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState<CaseTask>();
  const tasks = useQuery({ queryKey: ['tasks'], queryFn: fetchTasks, retry: false });
  const clocks = (useProcesses().data ?? []).flatMap((p) => p.clocks);
  const clockLabel = (code: string | null) =>
    code ? (clocks.find((c) => c.code === code)?.label[lang] ?? code) : '—';
  return (
    <>
      <Typography.Title level={2}>{t('workbench.pages.tasks')}</Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('tasks.intro')}</Typography.Paragraph>
        {tasks.isError && (
          <Alert type="error" showIcon title={describe(tasks.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<CaseTask>
          rowKey="id"
          loading={tasks.isPending && !tasks.isError}
          dataSource={tasks.data ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('tasks.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: t('cases.trackingNumber'),
              render: (_, task) => (
                <Link to={`/workbench/cases/${task.case.id}`}>{task.case.trackingNumber}</Link>
              ),
            },
            { title: t('cases.title'), render: (_, task) => task.case.title },
            { title: t('cases.owningUnit'), render: (_, task) => task.unit.name[lang] },
            {
              title: t('tasks.kind'),
              render: (_, task) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  <Tag color="red">{t(`tasks.kinds.${task.kind}`, { defaultValue: task.kind })}</Tag>
                  {clockLabel(task.clock)}
                </span>
              ),
            },
            {
              title: t('cases.dueAt'),
              render: (_, task) => <DueTime dueAt={task.case.dueAt} overdue provisional={false} />,
            },
            {
              title: t('tasks.dueAt'),
              render: (_, task) =>
                task.status === 'open' && task.dueAt ? (
                  <DueTime
                    dueAt={task.dueAt}
                    overdue={new Date(task.dueAt).getTime() < Date.now()}
                    provisional={false}
                  />
                ) : (
                  '—'
                ),
            },
            {
              title: t('tasks.createdAt'),
              render: (_, task) => beijingDateTime(task.createdAt, i18n.language),
            },
            {
              title: t('tasks.actions'),
              fixed: 'right',
              render: (_, task) =>
                task.status === 'open' ? (
                  <Button size="small" onClick={() => setClosing(task)}>
                    {t('tasks.done')}
                  </Button>
                ) : (
                  <Tag color="green">{t('tasks.isDone')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      {closing && (
        <DoneModal
          task={closing}
          onClose={() => setClosing(undefined)}
          onDone={() => {
            setClosing(undefined);
            message.success(t('tasks.doneOk'));
            void queryClient.invalidateQueries({ queryKey: ['tasks'] });
          }}
        />
      )}
    </>
  );
}
