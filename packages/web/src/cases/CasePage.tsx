import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AllowedAction, CaseDetail, ServiceVersion } from '@yiwang/contracts';
import { Alert, App, Button, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchCase } from '../api/cases.ts';
import { beijingDateTime, legalDateText } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';
import { problemCode, useProblemMessages } from '../shell/problems.ts';
import { ActionModal } from './ActionModal.tsx';
import { CaseCards } from './CaseCards.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { ClockCards } from './ClockCards.tsx';
import { DueTime, StateTag } from './caseParts.tsx';
import { useCaseService } from './caseService.ts';

export const caseKey = (id: string) => ['cases', 'detail', id] as const;

type Area = 'workbench' | 'portal';
const listPath = { workbench: '/workbench/cases', portal: '/my/cases' } as const;

function Header({
  detail,
  service,
  area,
  onAction,
}: {
  detail: CaseDetail;
  /** The service a licence case applies for: its name in the reader's language. */
  service?: ServiceVersion;
  area: Area;
  onAction: (a: AllowedAction) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const c = detail.case;
  // The first action is the usual next step; withdrawing is never the one to press by default.
  const primary = detail.allowedActions.find((a) => a.code !== 'withdraw')?.code;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Link to={listPath[area]}>
          <ArrowLeftOutlined /> {t(area === 'workbench' ? 'cases.backToQueue' : 'cases.backToMine')}
        </Link>
        <Space wrap align="center">
          <Typography.Title level={2} style={{ margin: 0 }}>
            {service?.name[lang] ?? c.title}
          </Typography.Title>
          <StateTag state={c.state} />
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: 'number',
              label: t('cases.trackingNumber'),
              children: (
                <Typography.Text copyable strong>
                  {c.trackingNumber}
                </Typography.Text>
              ),
            },
            { key: 'process', label: t('cases.process'), children: c.process.name[lang] },
            { key: 'unit', label: t('cases.owningUnit'), children: c.owningUnit.name[lang] },
            {
              key: 'received',
              label: t('cases.receivedOn'),
              children: legalDateText(c.receivedOn, i18n.language),
            },
            {
              key: 'due',
              label: t('cases.dueAt'),
              children: (
                <DueTime
                  dueAt={c.dueAt}
                  overdue={c.overdue}
                  provisional={c.provisional}
                  closed={c.state.terminal}
                />
              ),
            },
            {
              key: 'updated',
              label: t('cases.updatedAt'),
              children: beijingDateTime(c.updatedAt, i18n.language),
            },
          ]}
        />
        {detail.allowedActions.length > 0 && (
          <Space wrap aria-label={t('cases.actions')}>
            {detail.allowedActions.map((a) => (
              <Button
                key={a.code}
                type={a.code === primary ? 'primary' : 'default'}
                danger={a.code === 'withdraw'}
                onClick={() => onAction(a)}
              >
                {a.label[lang]}
              </Button>
            ))}
          </Space>
        )}
      </Space>
    </Card>
  );
}

/** One case, for the staff who handle it (workbench) and for its applicant (portal). */
export function CasePage({ area }: { area: Area }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { describe } = useProblemMessages();
  const lang = useLang();
  const id = useParams().id ?? '';
  const queryClient = useQueryClient();
  const [acting, setActing] = useState<AllowedAction>();
  const detail = useQuery({ queryKey: caseKey(id), queryFn: () => fetchCase(id), retry: false });
  const service = useCaseService(detail.data);
  if (detail.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (detail.isError) {
    const code = problemCode(detail.error);
    const missing = code === 'not_found' || code === 'forbidden' || code === 'validation_failed';
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('cases.notFound') : describe(detail.error)}
        extra={
          <Link to={listPath[area]}>
            <Button type="primary">
              {t(area === 'workbench' ? 'cases.backToQueue' : 'cases.backToMine')}
            </Button>
          </Link>
        }
      />
    );
  }
  const reload = () => {
    setActing(undefined);
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
  };
  return (
    <>
      <Header detail={detail.data} service={service} area={area} onAction={setActing} />
      {detail.data.case.state.terminal && (
        <Alert type="success" showIcon title={t('cases.closedNote')} style={{ marginBottom: 16 }} />
      )}
      <ClockCards clocks={detail.data.clocks} />
      <CaseCards detail={detail.data} service={service} area={area} />
      <Card title={t('cases.timeline')}>
        <CaseTimeline detail={detail.data} />
      </Card>
      {acting && (
        <ActionModal
          detail={detail.data}
          action={acting}
          onClose={() => setActing(undefined)}
          onReload={reload}
          onDone={(next) => {
            setActing(undefined);
            queryClient.setQueryData(caseKey(id), next);
            void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
            void queryClient.invalidateQueries({ queryKey: ['inbox'] });
            message.success(t('cases.actionDone', { action: acting.label[lang] }));
          }}
        />
      )}
    </>
  );
}
