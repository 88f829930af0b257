import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import type { Viewer } from "../session/ViewerProvider";

export interface NavItem {
  /** The route; also the menu key. */
  path: string;
  label: string;
  icon: ReactNode;
}

export interface NavGroup {
  key: string;
  label: string;
  items: NavItem[];
}

function unique<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The menu follows who the person is: each role they hold adds its section. */
export function buildNavigation(viewer: Viewer, t: TFunction): NavGroup[] {
  const groups: NavGroup[] = [
    {
      key: "public",
      label: t("nav.public"),
      items: [
        { path: "/", label: t("nav.home"), icon: <HomeOutlined /> },
        { path: "/posts", label: t("nav.posts"), icon: <BankOutlined /> },
        { path: "/receptions", label: t("nav.receptions"), icon: <CalendarOutlined /> },
        { path: "/suggestions", label: t("nav.suggestionBoard"), icon: <MessageOutlined /> },
        { path: "/votes", label: t("nav.publicVotes"), icon: <AuditOutlined /> },
      ],
    },
  ];
  if (!viewer.signedIn) return groups;

  groups.push({
    key: "resident",
    label: t("nav.resident"),
    items: [
      { path: "/me/home", label: t("nav.myHome"), icon: <IdcardOutlined /> },
      { path: "/me/votes", label: t("nav.myVotes"), icon: <CheckSquareOutlined /> },
      { path: "/me/suggestions", label: t("nav.mySuggestions"), icon: <FormOutlined /> },
      { path: "/me/notifications", label: t("nav.notifications"), icon: <BellOutlined /> },
      { path: "/me/profile", label: t("nav.profile"), icon: <UserOutlined /> },
    ],
  });

  const councils = unique(
    viewer.roles.filter((r) => (r.role === "COUNCIL_MEMBER" || r.role === "FACILITATOR") && r.council),
    (r) => r.council?.id ?? "",
  );
  // Facilitators organise their council's votes; staff find the same page under 街道管理.
  const facilitates = viewer.roles.some((r) => r.role === "FACILITATOR" && r.council);
  if (councils.length) {
    groups.push({
      key: "council",
      label: t("nav.council"),
      items: [
        ...councils.map((r) => ({
          path: `/councils/${r.council?.id}`,
          label: r.council?.name ?? "",
          icon: <TeamOutlined />,
        })),
        ...(facilitates && !viewer.isStaff
          ? [{ path: "/organise/votes", label: t("nav.organiseVotes"), icon: <FundProjectionScreenOutlined /> }]
          : []),
      ],
    });
  }

  if (viewer.roles.some((r) => r.role === "DEPUTY")) {
    groups.push({
      key: "deputy",
      label: t("nav.deputy"),
      items: [
        { path: "/workbench", label: t("nav.workbench"), icon: <InboxOutlined /> },
        { path: "/workbench/receptions", label: t("nav.receptionSchedule"), icon: <ScheduleOutlined /> },
        { path: "/workbench/statistics", label: t("suggestDeputy.stats.nav"), icon: <BarChartOutlined /> },
        { path: "/deputy", label: t("nav.myPosts"), icon: <SolutionOutlined /> },
      ],
    });
  }

  const departments = unique(
    viewer.roles.filter((r) => r.role === "DEPARTMENT_HANDLER" && r.department),
    (r) => r.department?.id ?? "",
  );
  if (departments.length) {
    groups.push({
      key: "department",
      label: t("nav.department"),
      items: departments.map((r) => ({
        path: `/departments/${r.department?.id}`,
        label: r.department?.name ?? "",
        icon: <ShopOutlined />,
      })),
    });
  }

  if (viewer.isStaff) {
    groups.push({
      key: "admin",
      label: t("nav.admin"),
      items: [
        { path: "/admin/people", label: t("nav.adminPeople"), icon: <SafetyCertificateOutlined /> },
        { path: "/organise/votes", label: t("nav.organiseVotes"), icon: <FundProjectionScreenOutlined /> },
        { path: "/admin/suggestions", label: t("nav.adminSuggestions"), icon: <BarChartOutlined /> },
        { path: "/admin/calendar", label: t("nav.adminCalendar"), icon: <CalendarOutlined /> },
        { path: "/admin/areas", label: t("nav.adminAreas"), icon: <ApartmentOutlined /> },
        { path: "/admin/roles", label: t("nav.adminRoles"), icon: <SettingOutlined /> },
        { path: "/admin/organisation", label: t("nav.adminOrganisation"), icon: <ClusterOutlined /> },
        { path: "/admin/audit", label: t("nav.adminAudit"), icon: <AuditOutlined /> },
      ],
    });
  }
  return groups;
}

/** The menu entry for a location: the longest route that is a prefix of it. */
export function selectedPath(groups: NavGroup[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const item of groups.flatMap((g) => g.items)) {
    const matches =
      item.path === "/" ? pathname === "/" : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.length)) best = item.path;
  }
  return best;
}
