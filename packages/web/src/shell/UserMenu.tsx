import {
  BellOutlined,
  DashboardOutlined,
  DownOutlined,
  IdcardOutlined,
  LogoutOutlined,
  ProfileOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Me } from '@yiwang/contracts';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { accountPath, useSignOut } from './session.ts';

type Props = { me: Me; ghost?: boolean; showWorkbench?: boolean; afterSignOut?: string };

/** The signed-in person's name, opening 我的账号 and 退出登录. */
export function UserMenu({ me, ghost, showWorkbench, afterSignOut = '/login' }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut(afterSignOut);
  const items = [
    ...(showWorkbench && me.kind === 'staff'
      ? [{ key: 'workbench', icon: <DashboardOutlined />, label: t('nav.workbench') }]
      : []),
    ...(me.kind === 'staff'
      ? []
      : [
          { key: 'cases', icon: <ProfileOutlined />, label: t('cases.mine') },
          { key: 'inbox', icon: <BellOutlined />, label: t('inbox.title') },
        ]),
    { key: 'account', icon: <IdcardOutlined />, label: t('account.title') },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: t('account.signOut'), danger: true },
  ];
  const onClick = ({ key }: { key: string }) => {
    if (key === 'workbench') navigate('/workbench');
    if (key === 'cases') navigate('/my/cases');
    if (key === 'inbox') navigate('/my/inbox');
    if (key === 'account') navigate(accountPath(me));
    if (key === 'logout') signOut.mutate();
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button ghost={ghost} icon={<UserOutlined />} loading={signOut.isPending}>
        {me.displayName} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
