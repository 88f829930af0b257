import { DownOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { useSignOut } from "../session/useSignOut";
import { useViewer } from "../session/ViewerProvider";
import { LinkButton } from "./LinkButton";

interface AccountMenuProps {
  /** In the phone drawer: a full-width sign-out button instead of a dropdown. */
  block?: boolean;
  onNavigate?: () => void;
}

export function AccountMenu({ block, onNavigate }: AccountMenuProps) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();

  if (!viewer.signedIn || !viewer.account) {
    if (location.pathname === "/sign-in") return null;
    return (
      <LinkButton
        to="/sign-in"
        state={location.pathname === "/" ? undefined : { from: location.pathname }}
        onNavigate={onNavigate}
        type="primary"
        block={block}
        size={block ? "large" : undefined}
      >
        {block ? t("home.signInCta") : t("auth.signIn")}
      </LinkButton>
    );
  }

  const name = viewer.account.realName || viewer.account.displayName;
  if (block) {
    return (
      <Button
        block
        size="large"
        icon={<LogoutOutlined />}
        onClick={() => {
          onNavigate?.();
          void signOut();
        }}
      >
        {t("auth.signOutAs", { name })}
      </Button>
    );
  }

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "profile", icon: <UserOutlined />, label: t("nav.profile") },
          { type: "divider" },
          { key: "signOut", icon: <LogoutOutlined />, label: t("auth.signOut"), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === "profile") void navigate("/me/profile");
          if (key === "signOut") void signOut();
        },
      }}
    >
      <Button type="text" className="account-button" aria-label={t("nav.account")}>
        <UserOutlined />
        <span className="account-name">{name}</span>
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
