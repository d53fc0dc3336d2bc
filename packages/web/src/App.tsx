import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AccountPage, PortalAccountRoute } from './account/AccountPage.tsx';
import { setUnauthenticatedHandler } from './api/session.ts';
import { AuditPage } from './audit/AuditPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { RegisterPage } from './auth/RegisterPage.tsx';
import { CaAdminPage } from './ca/CaAdminPage.tsx';
import { CalendarPage } from './calendar/CalendarPage.tsx';
import { ApplyPage } from './cases/ApplyPage.tsx';
import { CasePage } from './cases/CasePage.tsx';
import { CaseQueuePage } from './cases/CaseQueuePage.tsx';
import { CaseRedirect } from './cases/CaseRedirect.tsx';
import { MyCasesPage } from './cases/MyCasesPage.tsx';
import { TasksPage } from './cases/TasksPage.tsx';
import { TrackingPage } from './cases/TrackingPage.tsx';
import { InboxPage } from './inbox/InboxPage.tsx';
import { OrgConsolePage } from './orgs/OrgConsolePage.tsx';
import { FeedbackPage } from './portal/FeedbackPage.tsx';
import { HomePage } from './portal/HomePage.tsx';
import { OpenGovPage } from './portal/OpenGovPage.tsx';
import { PortalLayout } from './portal/PortalLayout.tsx';
import { RequireApplicant } from './portal/RequireApplicant.tsx';
import { SectionPage } from './portal/SectionPage.tsx';
import { ServicesPage } from './portal/ServicesPage.tsx';
import { SealRequestsPage } from './seals/SealRequestsPage.tsx';
import { ServiceGuidePage } from './services/ServiceGuidePage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import { meKey } from './shell/session.ts';
import { UserConsolePage } from './users/UserConsolePage.tsx';
import { VerifyPage } from './verify/VerifyPage.tsx';
import { CASE_ROLES, SEAL_KEEPER_ROLE, STATISTICS_ROLES } from './workbench/nav.tsx';
import { WorkbenchHome } from './workbench/WorkbenchHome.tsx';
import { RequireRole, WorkbenchLayout } from './workbench/WorkbenchLayout.tsx';
import './shell/app.css';

// The form renderer and the charts are large: they load with the pages that use them.
const ServiceApplyPage = lazy(() =>
  import('./services/ServiceApplyPage.tsx').then((m) => ({ default: m.ServiceApplyPage })),
);
const ServiceAdminPage = lazy(() =>
  import('./services/admin/ServiceAdminPage.tsx').then((m) => ({ default: m.ServiceAdminPage })),
);
const StatisticsPage = lazy(() =>
  import('./statistics/StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage })),
);
const PublicStatisticsPage = lazy(() =>
  import('./statistics/PublicStatisticsPage.tsx').then((m) => ({ default: m.PublicStatisticsPage })),
);
const loading = <Spin style={{ display: 'block', margin: 48 }} />;

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });

// Each area is its own route tree: the public portal, and the staff workbench beside it.
const router = createBrowserRouter([
  {
    path: '/',
    element: <PortalLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'services', element: <ServicesPage /> },
      { path: 'services/:id', element: <ServiceGuidePage /> },
      { path: 'open-government', element: <OpenGovPage /> },
      {
        path: 'open-government/approval-statistics',
        element: (
          <Suspense fallback={loading}>
            <PublicStatisticsPage />
          </Suspense>
        ),
      },
      { path: 'interaction', element: <SectionPage section="interaction" /> },
      { path: 'tracking', element: <TrackingPage /> },
      { path: 'verify', element: <VerifyPage /> },
      {
        path: 'apply/service/:serviceId',
        element: (
          <RequireApplicant>
            <Suspense fallback={loading}>
              <ServiceApplyPage />
            </Suspense>
          </RequireApplicant>
        ),
      },
      {
        path: 'apply/:process',
        element: (
          <RequireApplicant>
            <ApplyPage />
          </RequireApplicant>
        ),
      },
      {
        path: 'my/cases',
        element: (
          <RequireApplicant staffPath="/workbench/cases">
            <MyCasesPage />
          </RequireApplicant>
        ),
      },
      {
        path: 'my/cases/:id',
        element: (
          <RequireApplicant>
            <CasePage area="portal" />
          </RequireApplicant>
        ),
      },
      {
        path: 'my/inbox',
        element: (
          <RequireApplicant staffPath="/workbench/inbox">
            <InboxPage />
          </RequireApplicant>
        ),
      },
      { path: 'cases/:id', element: <CaseRedirect /> },
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
        path: 'cases',
        element: (
          <RequireRole roleCode={CASE_ROLES}>
            <CaseQueuePage />
          </RequireRole>
        ),
      },
      { path: 'cases/:id', element: <CasePage area="workbench" /> },
      {
        path: 'tasks',
        element: (
          <RequireRole roleCode="supervisor">
            <TasksPage />
          </RequireRole>
        ),
      },
      {
        path: 'seals',
        element: (
          <RequireRole roleCode={SEAL_KEEPER_ROLE}>
            <SealRequestsPage />
          </RequireRole>
        ),
      },
      {
        path: 'calendar',
        element: (
          <RequireRole roleCode="system_admin">
            <CalendarPage />
          </RequireRole>
        ),
      },
      { path: 'inbox', element: <InboxPage /> },
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
        path: 'ca',
        element: (
          <RequireRole roleCode="security_admin">
            <CaAdminPage />
          </RequireRole>
        ),
      },
      {
        path: 'services',
        element: (
          <RequireRole roleCode="dept_admin">
            <Suspense fallback={loading}>
              <ServiceAdminPage />
            </Suspense>
          </RequireRole>
        ),
      },
      {
        path: 'statistics',
        element: (
          <RequireRole roleCode={STATISTICS_ROLES}>
            <Suspense fallback={loading}>
              <StatisticsPage />
            </Suspense>
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
  // The CA's console lives in the workbench with the other security administration screens.
  { path: '/admin/ca', element: <Navigate to="/workbench/ca" replace /> },
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
