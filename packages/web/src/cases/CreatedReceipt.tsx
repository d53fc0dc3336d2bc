import type { CreatedCase } from '@yiwang/contracts';
import { Alert, Button, Descriptions, Result, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { beijingDueTime } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';

const big = {
  fontSize: 22,
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  letterSpacing: 1,
};

/**
 * The new case's tracking number and lookup code: the code is shown this once, so say keep it.
 * `name` is what was applied for (a service's name rather than its process), `children` what to do next.
 */
export function CreatedReceipt({
  created,
  name,
  children,
}: {
  created: CreatedCase;
  name?: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const c = created.case;
  return (
    <Result
      status="success"
      title={t('apply.doneTitle')}
      subTitle={t('apply.doneText', { name: name ?? c.process.name[lang], unit: c.owningUnit.name[lang] })}
      extra={
        <Space wrap>
          <Link to={`/my/cases/${c.id}`}>
            <Button type="primary">{t('apply.viewCase')}</Button>
          </Link>
          <Link to="/my/cases">
            <Button>{t('cases.mine')}</Button>
          </Link>
        </Space>
      }
    >
      <Space
        orientation="vertical"
        size={16}
        style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}
      >
        <Descriptions
          bordered
          column={1}
          items={[
            {
              key: 'number',
              label: t('cases.trackingNumber'),
              children: (
                <Typography.Text copyable strong style={big} data-testid="tracking-number">
                  {c.trackingNumber}
                </Typography.Text>
              ),
            },
            {
              key: 'code',
              label: t('apply.lookupCode'),
              children: (
                <Typography.Text copyable strong style={big} data-testid="lookup-code">
                  {created.lookupCode}
                </Typography.Text>
              ),
            },
            ...(c.dueAt
              ? [{ key: 'due', label: t('cases.dueAt'), children: beijingDueTime(c.dueAt, i18n.language) }]
              : []),
          ]}
        />
        <Alert type="warning" showIcon title={t('apply.keepTitle')} description={t('apply.keepText')} />
        {children}
      </Space>
    </Result>
  );
}
