import { BellOutlined } from "@ant-design/icons";
import { Badge, Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";

const UnreadCountDocument = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

/** Unread count, refreshed whenever the server says something changed for this person. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ data }] = useQuery({ query: UnreadCountDocument });
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <Button
      type="text"
      className="header-icon-button"
      aria-label={count ? t("notifications.bellUnread", { count }) : t("notifications.bell")}
      onClick={() => void navigate("/me/notifications")}
    >
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined className="bell-icon" />
      </Badge>
    </Button>
  );
}
