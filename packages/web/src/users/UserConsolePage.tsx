import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { userSummarySchema } from '@yiwang/contracts';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { VerificationTag } from '../account/AccountPage.tsx';
import { type AccountKind, listRoles, listUsers, revokeMembership, unlockUser } from '../api/admin.ts';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { CreateStaffModal } from './CreateStaffModal.tsx';
import { GrantRoleModal } from './GrantRoleModal.tsx';

export type UserSummary = z.infer<typeof userSummarySchema>;
const kinds: AccountKind[] = ['staff', 'citizen', 'business'];

/** 用户管理: find accounts (personal data masked), create staff, grant and revoke roles, unlock. */
export function UserConsolePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const { describe } = useProblemMessages();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<AccountKind>();
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<UserSummary>();
  const users = useQuery({ queryKey: ['admin', 'users', q, kind], queryFn: () => listUsers({ q, kind }) });
  const roles = useQuery({ queryKey: ['admin', 'roles'], queryFn: listRoles, staleTime: 300_000 });
  const roleName = (code: string) => roles.data?.find((r) => r.code === code)?.name[lang] ?? code;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  const onError = (error: unknown) => message.error(describe(error));
  const unlock = useMutation({
    mutationFn: unlockUser,
    onSuccess: () => {
      message.success(t('users.unlocked'));
    },
    onSettled: refresh,
    onError,
  });
  const revoke = useMutation({
    mutationFn: (v: { userId: string; membershipId: string }) => revokeMembership(v.userId, v.membershipId),
    onSettled: refresh,
    onError,
  });
  const confirmRevoke = (user: UserSummary, membershipId: string, label: string) =>
    modal.confirm({
      title: t('users.revokeTitle'),
      content: t('users.revokeText', { role: label, name: user.displayName }),
      okButtonProps: { danger: true },
      okText: t('users.revoke'),
      cancelText: t('common.cancel'),
      onOk: () => revoke.mutateAsync({ userId: user.id, membershipId }),
    });
  return (
    <>
      <Typography.Title level={2}>{t('workbench.pages.users')}</Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.search')}
            onSearch={(v) => setQ(v.trim())}
            style={{ width: 280 }}
          />
          <Select
            allowClear
            placeholder={t('users.kind')}
            aria-label={t('users.kind')}
            style={{ width: 140 }}
            value={kind}
            onChange={setKind}
            options={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        </Space>
        {users.isError && (
          <Alert type="error" showIcon title={describe(users.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<UserSummary>
          rowKey="id"
          size="middle"
          loading={users.isPending}
          dataSource={users.data ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: t('users.name'),
              render: (_, u) => (
                <Space orientation="vertical" size={0}>
                  <Space size={4}>
                    <strong>{u.displayName}</strong>
                    <Tag>{t(`kind.${u.kind}`)}</Tag>
                  </Space>
                  {u.username && <Typography.Text type="secondary">{u.username}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('users.identityAndMobile'),
              render: (_, u) => (
                <Space orientation="vertical" size={0}>
                  <span>{u.idNumberMasked ?? u.creditCode ?? '—'}</span>
                  {u.mobileMasked && <Typography.Text type="secondary">{u.mobileMasked}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('users.verification'),
              render: (_, u) => (u.kind === 'staff' ? '—' : <VerificationTag level={u.verificationLevel} />),
            },
            {
              title: t('users.status'),
              render: (_, u) => (
                <>
                  {u.status === 'disabled' && <Tag>{t('users.disabled')}</Tag>}
                  {u.locked ? (
                    <Tag color="red">{t('users.locked')}</Tag>
                  ) : (
                    <Tag color="green">{t('users.active')}</Tag>
                  )}
                </>
              ),
            },
            {
              title: t('users.memberships'),
              width: 300,
              render: (_, u) =>
                u.memberships.map((m) => {
                  const label = `${roleName(m.roleCode)} · ${m.orgUnitName[lang]} · ${t(`reach.${m.reach}`)}`;
                  return (
                    <Tag
                      key={m.id ?? label}
                      closable={Boolean(m.id)}
                      onClose={(e) => {
                        e.preventDefault();
                        if (m.id) confirmRevoke(u, m.id, label);
                      }}
                      style={{ marginBottom: 4 }}
                    >
                      {label}
                    </Tag>
                  );
                }),
            },
            {
              title: t('users.actions'),
              render: (_, u) => (
                <Space>
                  {u.kind === 'staff' && (
                    <Button size="small" onClick={() => setGranting(u)}>
                      {t('users.grant')}
                    </Button>
                  )}
                  {u.locked && (
                    <Button size="small" onClick={() => unlock.mutate(u.id)} loading={unlock.isPending}>
                      {t('users.unlock')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {creating && <CreateStaffModal onClose={() => setCreating(false)} onCreated={refresh} />}
      {granting && (
        <GrantRoleModal
          user={granting}
          roles={roles.data ?? []}
          onClose={() => setGranting(undefined)}
          onDone={() => {
            setGranting(undefined);
            void refresh();
          }}
        />
      )}
    </>
  );
}
