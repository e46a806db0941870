import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { Button, Flex, Result, Spin } from 'antd';
import { createBrowserRouter, Link, useRouteError } from 'react-router';
import { AppShell } from './shell/app-shell';
import { AuthGuard, RequireAction } from './shell/auth-guard';
import type { Action } from '../shared/permissions';

const LoginPage = lazy(() => import('./modules/auth/login.page'));
const ChangePasswordPage = lazy(() => import('./modules/auth/change-password.page'));
const HomePage = lazy(() => import('./shell/home.page'));
const UnitsPage = lazy(() => import('./modules/organization/units.page'));
const PeoplePage = lazy(() => import('./modules/organization/people.page'));
const PersonPage = lazy(() => import('./modules/organization/person.page'));
const ImportPage = lazy(() => import('./modules/organization/import.page'));
const AuditPage = lazy(() => import('./modules/audit/audit.page'));
const AccountsPage = lazy(() => import('./modules/accounts/accounts.page'));
const PlansPage = lazy(() => import('./modules/campaigns/plans.page'));
const PlanPage = lazy(() => import('./modules/campaigns/plan.page'));
const PlanImportPage = lazy(() => import('./modules/campaigns/plan-import.page'));
const RegistrationsPage = lazy(() => import('./modules/registrations/registrations.page'));
const CriteriaPage = lazy(() => import('./modules/evaluation/criteria.page'));
const CriteriaVersionPage = lazy(() => import('./modules/evaluation/criteria-version.page'));
const ScoreSheetPage = lazy(() => import('./modules/evaluation/sheet.page'));
const EvaluationPage = lazy(() => import('./modules/evaluation/evaluation.page'));
const PortalLayout = lazy(() => import('./modules/portal/portal-layout'));
const PublicPlansPage = lazy(() => import('./modules/portal/public-plans.page'));
const DocumentRegisterPage = lazy(() => import('./modules/documents/register.page'));
const PublicPlanPage = lazy(() => import('./modules/portal/public-plan.page'));
const HonourBoardPage = lazy(() => import('./modules/portal/honour-board.page'));
const AwardCataloguePage = lazy(() => import('./modules/awards/catalogue.page'));
const CouncilsPage = lazy(() => import('./modules/councils/councils.page'));
const MeetingPage = lazy(() => import('./modules/councils/meeting.page'));
const CertificateTemplatesPage = lazy(() => import('./modules/certificates/templates.page'));
const AwardDecisionsPage = lazy(() => import('./modules/award-decisions/award-decisions.page'));

function guarded(action: Action | Action[], page: ReactNode) {
  return <RequireAction action={action}>{page}</RequireAction>;
}

function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : undefined;
  return (
    <Result
      status="error"
      title="Đã có lỗi khi hiển thị trang"
      subTitle={message}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          Tải lại trang
        </Button>
      }
    />
  );
}

function NotFound() {
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ này không tồn tại hoặc đã được chuyển đi."
      extra={<Link to="/">Về trang tổng quan</Link>}
    />
  );
}

const fullPageFallback = (
  <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
    <Spin size="large" />
  </Flex>
);

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={fullPageFallback}>
        <LoginPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    // The public portal: no login.
    path: '/cong-khai',
    element: (
      <Suspense fallback={fullPageFallback}>
        <PortalLayout />
      </Suspense>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <PublicPlansPage /> },
      { path: 'ke-hoach/:planId', element: <PublicPlanPage /> },
      { path: 'vinh-danh', element: <HonourBoardPage /> },
    ],
  },
  {
    path: '/',
    element: (
      <AuthGuard>
        <AppShell />
      </AuthGuard>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'units/:unitId?', element: guarded('unit.view', <UnitsPage />) },
      { path: 'people', element: guarded('person.view', <PeoplePage />) },
      { path: 'people/:personId', element: guarded('person.view', <PersonPage />) },
      { path: 'import', element: guarded(['person.import', 'person.export'], <ImportPage />) },
      { path: 'audit', element: guarded('audit.view', <AuditPage />) },
      { path: 'accounts', element: guarded('account.manage', <AccountsPage />) },
      { path: 'plans', element: guarded('campaign.view', <PlansPage />) },
      { path: 'plans/new', element: guarded('campaign.view', <PlanPage />) },
      { path: 'plans/:planId', element: guarded('campaign.view', <PlanPage />) },
      { path: 'plans/import', element: guarded('campaign.draft', <PlanImportPage />) },
      { path: 'registrations', element: guarded('campaign.view', <RegistrationsPage />) },
      { path: 'document-register', element: guarded('campaign.view', <DocumentRegisterPage />) },
      // Every signed-in user may read the catalogue; administrators change it.
      { path: 'award-catalogue', element: <AwardCataloguePage /> },
      // Award decisions: drafting officers and signing heads; readers of the unit by link.
      ...['award-decisions', 'award-decisions/:decisionId'].map((path) => ({
        path,
        element: guarded(
          ['award_decision.manage', 'decision.sign', 'campaign.view'],
          <AwardDecisionsPage />,
        ),
      })),
      {
        path: 'certificate-templates',
        element: guarded('certificate_template.manage', <CertificateTemplatesPage />),
      },
      // Published criteria sets are readable by every signed-in user; the server filters drafts.
      { path: 'criteria', element: <CriteriaPage /> },
      { path: 'criteria/:versionId', element: <CriteriaVersionPage /> },
      { path: 'evaluation', element: guarded('campaign.view', <EvaluationPage />) },
      { path: 'score-sheets/:sheetId', element: guarded('campaign.view', <ScoreSheetPage />) },
      // Councils: the server shows each user the councils it manages, votes in or sits on.
      {
        path: 'councils/:councilId?',
        element: guarded(['council.manage', 'council.vote'], <CouncilsPage />),
      },
      {
        path: 'meetings/:meetingId',
        element: guarded(['council.manage', 'council.vote'], <MeetingPage />),
      },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
