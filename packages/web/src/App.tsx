import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AccountPage, PortalAccountRoute } from './account/AccountPage.tsx';
import { setUnauthenticatedHandler } from './api/session.ts';
import { AuditPage } from './audit/AuditPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { RegisterPage } from './auth/RegisterPage.tsx';
import { OrgConsolePage } from './orgs/OrgConsolePage.tsx';
import { FeedbackPage } from './portal/FeedbackPage.tsx';
import { HomePage } from './portal/HomePage.tsx';
import { PortalLayout } from './portal/PortalLayout.tsx';
import { SectionPage } from './portal/SectionPage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import { meKey } from './shell/session.ts';
import { UserConsolePage } from './users/UserConsolePage.tsx';
import { WorkbenchHome } from './workbench/WorkbenchHome.tsx';
import { RequireRole, WorkbenchLayout } from './workbench/WorkbenchLayout.tsx';
import './shell/app.css';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });

// Each area is its own route tree: the public portal, and the staff workbench beside it.
const router = createBrowserRouter([
  {
    path: '/',
    element: <PortalLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'services', element: <SectionPage section="services" /> },
      { path: 'open-government', element: <SectionPage section="openGov" /> },
      { path: 'interaction', element: <SectionPage section="interaction" /> },
      { path: 'tracking', element: <SectionPage section="tracking" /> },
      { path: 'feedback', element: <FeedbackPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'account', element: <PortalAccountRoute /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/workbench',
    element: <WorkbenchLayout />,
    children: [
      { index: true, element: <WorkbenchHome /> },
      { path: 'account', element: <AccountPage /> },
      {
        path: 'orgs',
        element: (
          <RequireRole roleCode="security_admin">
            <OrgConsolePage />
          </RequireRole>
        ),
      },
      {
        path: 'users',
        element: (
          <RequireRole roleCode="security_admin">
            <UserConsolePage />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole roleCode="security_auditor">
            <AuditPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

// A call that finds the session gone (expired, ended elsewhere) leads to the sign-in page.
setUnauthenticatedHandler(() => {
  queryClient.setQueryData(meKey, null);
  const { pathname } = window.location;
  if (pathname !== '/login') void router.navigate(`/login?next=${encodeURIComponent(pathname)}`);
});

const theme = { token: { colorPrimary: '#b71c1c', borderRadius: 4 } };

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en-US' ? enUS : zhCN}
      theme={theme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
