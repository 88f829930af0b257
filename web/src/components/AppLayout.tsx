import { MenuOutlined } from "@ant-design/icons";
import { Button, Drawer, Grid, Layout, Menu, type MenuProps } from "antd";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useViewer } from "../session/ViewerProvider";
import { AccountMenu } from "./AccountMenu";
import { LanguageSwitch } from "./LanguageSwitch";
import { LargeTextSwitch } from "./LargeTextSwitch";
import { NotificationBell } from "./NotificationBell";
import { buildNavigation, selectedPath } from "./navigation";

/** Top bar, role-based menu (side on wide screens, drawer on phones), and the page. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.lg);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  const groups = useMemo(() => buildNavigation(viewer, t), [viewer, t]);
  const selected = selectedPath(groups, location.pathname);
  const items: MenuProps["items"] = groups.map((group) => ({
    type: "group",
    key: group.key,
    label: group.label,
    children: group.items.map((item) => ({ key: item.path, icon: item.icon, label: item.label })),
  }));

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      className="app-menu"
      aria-label={t("nav.menu")}
    />
  );

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        {!wide && (
          <Button
            type="text"
            size="large"
            icon={<MenuOutlined />}
            aria-label={t("nav.openMenu")}
            onClick={() => setDrawerOpen(true)}
            className="header-icon-button"
          />
        )}
        <Link to="/" className="app-brand" aria-label={t("app.homeLink")}>
          <span className="app-logo" aria-hidden>
            共
          </span>
          <span className="app-title">{t("app.name")}</span>
        </Link>
        <div className="header-spacer" />
        {viewer.signedIn && <NotificationBell />}
        <LanguageSwitch compact={!wide} />
        <LargeTextSwitch compact={!wide} />
        {(wide || !viewer.signedIn) && <AccountMenu />}
      </Layout.Header>
      <Layout hasSider={wide}>
        {wide && (
          <Layout.Sider width={248} className="app-sider" theme="light">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <main className="page-container">{children}</main>
          <footer className="app-footer">{t("app.footer")}</footer>
        </Layout.Content>
      </Layout>
      {!wide && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={300}
          title={t("app.name")}
          className="app-drawer"
          styles={{ body: { padding: 0 } }}
        >
          {menu}
          <div className="drawer-account">
            <AccountMenu block onNavigate={() => setDrawerOpen(false)} />
          </div>
        </Drawer>
      )}
    </Layout>
  );
}
