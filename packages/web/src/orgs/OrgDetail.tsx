import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchUnit } from '../api/orgs.ts';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { AddDepartmentModal } from './AddDepartmentModal.tsx';
import { type UnitChange, UnitChangeModal } from './UnitChangeModal.tsx';

type Brief = { id: string; code: string; name: { zh: string; en: string } };
type Props = { id: string; onSelect: (id: string) => void; onChanged: () => void };

/** One unit: its codes, where it sits in both trees, its former names, and what may be done to it. */
export function OrgDetail({ id, onSelect, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { describe } = useProblemMessages();
  const [action, setAction] = useState<UnitChange | 'add'>();
  const detail = useQuery({ queryKey: ['orgs', 'unit', id], queryFn: () => fetchUnit(id) });
  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={describe(detail.error)} />;
  const { unit, territorialAncestors, lineAncestors, nameHistory } = detail.data;
  const retired = Boolean(unit.retiredOn);
  const path = (ancestors: Brief[]) => (
    <Breadcrumb
      items={[
        ...ancestors.map((a) => ({
          title: <Typography.Link onClick={() => onSelect(a.id)}>{a.name[lang]}</Typography.Link>,
        })),
        { title: <strong>{unit.name[lang]}</strong> },
      ]}
    />
  );
  const done = () => {
    setAction(undefined);
    onChanged();
    void detail.refetch();
  };
  return (
    <Card
      title={
        <Space wrap>
          <span className={retired ? 'org-retired' : undefined}>{unit.name[lang]}</span>
          <Tag>{t(`orgs.kind.${unit.kind}`)}</Tag>
          {retired && <Tag color="default">{t('orgs.retiredOn', { date: unit.retiredOn })}</Tag>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" disabled={retired} onClick={() => setAction('add')}>
          {t('orgs.actions.add')}
        </Button>
        <Button disabled={retired} onClick={() => setAction('rename')}>
          {t('orgs.actions.rename')}
        </Button>
        {unit.kind === 'department' && (
          <>
            <Button disabled={retired} onClick={() => setAction('merge')}>
              {t('orgs.actions.merge')}
            </Button>
            <Button danger disabled={retired} onClick={() => setAction('retire')}>
              {t('orgs.actions.retire')}
            </Button>
          </>
        )}
      </Space>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'code', label: t('orgs.code'), children: unit.code },
          { key: 'zh', label: t('orgs.nameZh'), children: unit.name.zh },
          { key: 'en', label: t('orgs.nameEn'), children: unit.name.en },
          { key: 'credit', label: t('orgs.creditCode'), children: unit.creditCode ?? '—' },
          { key: 'division', label: t('orgs.divisionCode'), children: unit.divisionCode },
          { key: 'established', label: t('orgs.establishedOn'), children: unit.establishedOn },
          { key: 'territorial', label: t('orgs.territorialPath'), children: path(territorialAncestors) },
          {
            key: 'line',
            label: t('orgs.linePath'),
            children: unit.kind === 'department' ? path(lineAncestors) : t('orgs.noLine'),
          },
          ...(unit.successorId
            ? [
                {
                  key: 'successor',
                  label: t('orgs.successor'),
                  children: (
                    <Typography.Link onClick={() => unit.successorId && onSelect(unit.successorId)}>
                      {t('orgs.openSuccessor')}
                    </Typography.Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('orgs.nameHistory')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(row) => `${row.validFrom}-${row.name.zh}`}
        pagination={false}
        dataSource={nameHistory}
        locale={{ emptyText: t('orgs.noFormerNames') }}
        columns={[
          { title: t('orgs.formerName'), render: (_, row) => row.name[lang] },
          { title: t('orgs.validFrom'), dataIndex: 'validFrom' },
          { title: t('orgs.validTo'), dataIndex: 'validTo', render: (v: string | null) => v ?? '—' },
          { title: t('orgs.reason'), dataIndex: 'reason' },
        ]}
      />
      {action === 'add' && (
        <AddDepartmentModal parent={unit} onClose={() => setAction(undefined)} onDone={done} />
      )}
      {action && action !== 'add' && (
        <UnitChangeModal change={action} unit={unit} onClose={() => setAction(undefined)} onDone={done} />
      )}
    </Card>
  );
}
