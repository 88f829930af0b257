import { Spin } from "antd";
import { lazy, Suspense } from "react";
import { BrowserRouter, Outlet, Route, Routes } from "react-router";
import { AppLayout } from "./components/AppLayout";
import { RequireSignIn, RequireStaff } from "./components/RequireSignIn";
import { HomePage } from "./pages/public/HomePage";
import { LiaisonPostsPage } from "./pages/public/LiaisonPostsPage";
import { NotFoundPage } from "./pages/public/NotFoundPage";
import { SignInPage } from "./pages/public/SignInPage";
import { StartPage } from "./pages/public/StartPage";
import { RequireOrganiser } from "./pages/votes/organise/RequireOrganiser";
import { PreferencesProvider } from "./session/preferences";
import { SessionProvider } from "./session/SessionProvider";
import { ViewerProvider } from "./session/ViewerProvider";

// Residents on phones load the public and resident pages only; the rest comes when needed.
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const MyHomePage = named(() => import("./pages/resident/MyHomePage"), "MyHomePage");
const NotificationsPage = named(() => import("./pages/resident/NotificationsPage"), "NotificationsPage");
const ProfilePage = named(() => import("./pages/resident/ProfilePage"), "ProfilePage");
const CouncilPage = named(() => import("./pages/council/CouncilPage"), "CouncilPage");
const DeputyPage = named(() => import("./pages/deputy/DeputyPage"), "DeputyPage");
const PeoplePage = named(() => import("./pages/admin/PeoplePage"), "PeoplePage");
const AreasPage = named(() => import("./pages/admin/AreasPage"), "AreasPage");
const RolesPage = named(() => import("./pages/admin/RolesPage"), "RolesPage");
const OrganisationPage = named(() => import("./pages/admin/OrganisationPage"), "OrganisationPage");
const AuditPage = named(() => import("./pages/admin/AuditPage"), "AuditPage");
const MyVotesPage = named(() => import("./pages/votes/MyVotesPage"), "MyVotesPage");
const VotePage = named(() => import("./pages/votes/VotePage"), "VotePage");
const PublicVotesPage = named(() => import("./pages/votes/PublicVotesPage"), "PublicVotesPage");
const ProjectorPage = named(() => import("./pages/votes/ProjectorPage"), "ProjectorPage");
const OrganiseVotesPage = named(() => import("./pages/votes/organise/OrganiseVotesPage"), "OrganiseVotesPage");
const CreateVotePage = named(() => import("./pages/votes/organise/CreateVotePage"), "CreateVotePage");
const ManageVotePage = named(() => import("./pages/votes/organise/ManageVotePage"), "ManageVotePage");
// 人大代表联络站: public board and resident pages, the deputy's workbench, departments, staff.
const PublicBoardPage = named(() => import("./pages/suggestions/public/PublicBoardPage"), "PublicBoardPage");
const SuggestionPage = named(() => import("./pages/suggestions/public/SuggestionPage"), "SuggestionPage");
const ReceptionsPage = named(() => import("./pages/suggestions/public/ReceptionsPage"), "ReceptionsPage");
const MySuggestionsPage = named(() => import("./pages/suggestions/resident/MySuggestionsPage"), "MySuggestionsPage");
const SubmitSuggestionPage = named(
  () => import("./pages/suggestions/resident/SubmitSuggestionPage"),
  "SubmitSuggestionPage",
);
const WorkbenchPage = named(() => import("./pages/suggestions/deputy/WorkbenchPage"), "WorkbenchPage");
const HandleSuggestionPage = named(
  () => import("./pages/suggestions/deputy/HandleSuggestionPage"),
  "HandleSuggestionPage",
);
const RecordSuggestionPage = named(
  () => import("./pages/suggestions/deputy/RecordSuggestionPage"),
  "RecordSuggestionPage",
);
const ReceptionSchedulePage = named(
  () => import("./pages/suggestions/deputy/ReceptionSchedulePage"),
  "ReceptionSchedulePage",
);
const DepartmentQueuePage = named(
  () => import("./pages/suggestions/department/DepartmentQueuePage"),
  "DepartmentQueuePage",
);
const TransferPage = named(() => import("./pages/suggestions/department/TransferPage"), "TransferPage");
const SuggestionDashboardPage = named(
  () => import("./pages/suggestions/staff/SuggestionDashboardPage"),
  "SuggestionDashboardPage",
);
const DeputyStatisticsPage = named(
  () => import("./pages/suggestions/staff/SuggestionDashboardPage"),
  "DeputyStatisticsPage",
);
const WorkCalendarPage = named(() => import("./pages/suggestions/staff/WorkCalendarPage"), "WorkCalendarPage");

function Loading() {
  return (
    <div className="page-loading" role="status">
      <Spin size="large" />
    </div>
  );
}

/** Every page but the projector view: the top bar, the menu, the page. */
function Shell() {
  return (
    <AppLayout>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </AppLayout>
  );
}

export function App() {
  return (
    <PreferencesProvider>
      <SessionProvider>
        <BrowserRouter>
          <ViewerProvider>
            <Routes>
              {/* 投屏: full screen for a meeting room, without the app's chrome. */}
              <Route
                path="votes/:id/screen"
                element={
                  <Suspense fallback={<Loading />}>
                    <ProjectorPage />
                  </Suspense>
                }
              />
              <Route element={<Shell />}>
                <Route index element={<HomePage />} />
                <Route path="posts" element={<LiaisonPostsPage />} />
                <Route path="receptions" element={<ReceptionsPage />} />
                <Route path="suggestions" element={<PublicBoardPage />} />
                <Route path="suggestions/:id" element={<SuggestionPage />} />
                <Route path="sign-in" element={<SignInPage />} />
                <Route path="start" element={<StartPage />} />
                <Route path="councils/:id" element={<CouncilPage />} />
                <Route path="me">
                  <Route
                    path="home"
                    element={
                      <RequireSignIn>
                        <MyHomePage />
                      </RequireSignIn>
                    }
                  />
                  <Route
                    path="votes"
                    element={
                      <RequireSignIn>
                        <MyVotesPage />
                      </RequireSignIn>
                    }
                  />
                  <Route
                    path="suggestions"
                    element={
                      <RequireSignIn>
                        <MySuggestionsPage />
                      </RequireSignIn>
                    }
                  />
                  <Route
                    path="suggestions/new"
                    element={
                      <RequireSignIn>
                        <SubmitSuggestionPage />
                      </RequireSignIn>
                    }
                  />
                  <Route
                    path="notifications"
                    element={
                      <RequireSignIn>
                        <NotificationsPage />
                      </RequireSignIn>
                    }
                  />
                  <Route
                    path="profile"
                    element={
                      <RequireSignIn>
                        <ProfilePage />
                      </RequireSignIn>
                    }
                  />
                </Route>
                <Route
                  path="deputy"
                  element={
                    <RequireSignIn>
                      <DeputyPage />
                    </RequireSignIn>
                  }
                />
                <Route path="workbench">
                  <Route
                    index
                    element={
                      <RequireSignIn>
                        <WorkbenchPage />
                      </RequireSignIn>
                    }
                  />
                  <Route
                    path="suggestions/:id"
                    element={
                      <RequireSignIn>
                        <HandleSuggestionPage />
                      </RequireSignIn>
                    }
                  />
                  <Route
                    path="record"
                    element={
                      <RequireSignIn>
                        <RecordSuggestionPage />
                      </RequireSignIn>
                    }
                  />
                  <Route
                    path="receptions"
                    element={
                      <RequireSignIn>
                        <ReceptionSchedulePage />
                      </RequireSignIn>
                    }
                  />
                  <Route
                    path="statistics"
                    element={
                      <RequireSignIn>
                        <DeputyStatisticsPage />
                      </RequireSignIn>
                    }
                  />
                </Route>
                <Route path="departments/:id">
                  <Route
                    index
                    element={
                      <RequireSignIn>
                        <DepartmentQueuePage />
                      </RequireSignIn>
                    }
                  />
                  <Route
                    path="transfers/:transferId"
                    element={
                      <RequireSignIn>
                        <TransferPage />
                      </RequireSignIn>
                    }
                  />
                </Route>
                <Route path="admin">
                  <Route
                    index
                    element={
                      <RequireStaff>
                        <PeoplePage />
                      </RequireStaff>
                    }
                  />
                  <Route
                    path="people"
                    element={
                      <RequireStaff>
                        <PeoplePage />
                      </RequireStaff>
                    }
                  />
                  <Route
                    path="areas"
                    element={
                      <RequireStaff>
                        <AreasPage />
                      </RequireStaff>
                    }
                  />
                  <Route
                    path="roles"
                    element={
                      <RequireStaff>
                        <RolesPage />
                      </RequireStaff>
                    }
                  />
                  <Route
                    path="suggestions"
                    element={
                      <RequireStaff>
                        <SuggestionDashboardPage />
                      </RequireStaff>
                    }
                  />
                  <Route
                    path="calendar"
                    element={
                      <RequireStaff>
                        <WorkCalendarPage />
                      </RequireStaff>
                    }
                  />
                  <Route
                    path="organisation"
                    element={
                      <RequireStaff>
                        <OrganisationPage />
                      </RequireStaff>
                    }
                  />
                  <Route
                    path="audit"
                    element={
                      <RequireStaff>
                        <AuditPage />
                      </RequireStaff>
                    }
                  />
                </Route>
                <Route path="votes" element={<PublicVotesPage />} />
                <Route path="votes/:id" element={<VotePage />} />
                <Route path="organise/votes">
                  <Route
                    index
                    element={
                      <RequireOrganiser>
                        <OrganiseVotesPage />
                      </RequireOrganiser>
                    }
                  />
                  <Route
                    path="new"
                    element={
                      <RequireOrganiser>
                        <CreateVotePage />
                      </RequireOrganiser>
                    }
                  />
                  <Route
                    path=":id"
                    element={
                      <RequireOrganiser>
                        <ManageVotePage />
                      </RequireOrganiser>
                    }
                  />
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </ViewerProvider>
        </BrowserRouter>
      </SessionProvider>
    </PreferencesProvider>
  );
}
