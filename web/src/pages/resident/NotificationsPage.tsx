import { CheckOutlined } from "@ant-design/icons";
import { App, Badge, Button, Card, Flex, Segmented, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { useFormatDateTime } from "../../components/format";
import { Page } from "../../components/Page";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";

const MyNotificationsDocument = graphql(`
  query MyNotifications($first: Int!, $unreadOnly: Boolean) {
    myNotifications(first: $first, unreadOnly: $unreadOnly) {
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          kind
          title
          body
          createdAt
          readAt
        }
      }
    }
    unreadNotificationCount
  }
`);

const MarkReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

const STEP = 20;
/** The server pages at most 100 at a time; a person reads their recent news, not an archive. */
const MAX = 100;

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const formatDateTime = useFormatDateTime();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [first, setFirst] = useState(STEP);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyNotificationsDocument,
    variables: { first, unreadOnly },
    requestPolicy: "cache-and-network",
  });
  const [markState, markRead] = useMutation(MarkReadDocument);
  const items = data?.myNotifications.edges.map((e) => e.node) ?? [];
  const unread = data?.unreadNotificationCount ?? 0;

  const titleOf = (kind: string, fallback: string) => {
    const key = `notifications.kinds.${kind}`;
    return i18n.language.startsWith("zh") || !i18n.exists(key)
      ? fallback
      : (t as unknown as (k: string) => string)(key);
  };

  const markAll = async () => {
    const result = await markRead({ ids: null });
    if (result.error) message.error(t("errors.NETWORK"));
    else {
      setFirst(STEP);
      message.success(t("notifications.allRead"));
    }
  };

  return (
    <Page
      title={t("notifications.title")}
      extra={
        <Button icon={<CheckOutlined />} onClick={markAll} disabled={unread === 0} loading={markState.fetching}>
          {t("notifications.markAll")}
        </Button>
      }
    >
      <Segmented
        className="filter-bar"
        value={unreadOnly ? "unread" : "all"}
        onChange={(value) => {
          setUnreadOnly(value === "unread");
          setFirst(STEP);
        }}
        options={[
          { value: "all", label: t("notifications.all") },
          { value: "unread", label: t("notifications.unreadCount", { count: unread }) },
        ]}
      />
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(data)}
        empty={items.length === 0}
        emptyText={unreadOnly ? t("notifications.noneUnread") : t("notifications.none")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        <Flex vertical gap={12} className="notification-list">
          {items.map((item) => (
            <Card
              key={item.id}
              size="small"
              className={`notification-item${item.readAt ? "" : " is-unread"}`}
              data-testid="notification"
              onClick={() => {
                if (!item.readAt) void markRead({ ids: [item.id] });
              }}
            >
              <Flex justify="space-between" gap={12} align="flex-start">
                <div>
                  <Typography.Text strong={!item.readAt} className="notification-title">
                    {!item.readAt && <Badge status="processing" className="unread-dot" />}
                    {titleOf(item.kind, item.title)}
                  </Typography.Text>
                  <Typography.Paragraph className="notification-body">{item.body}</Typography.Paragraph>
                  <Typography.Text type="secondary" className="notification-time">
                    {formatDateTime(item.createdAt)}
                  </Typography.Text>
                </div>
                {!item.readAt && (
                  <Button
                    type="link"
                    onClick={(event) => {
                      event.stopPropagation();
                      void markRead({ ids: [item.id] });
                    }}
                  >
                    {t("notifications.markRead")}
                  </Button>
                )}
              </Flex>
            </Card>
          ))}
          {data?.myNotifications.pageInfo.hasNextPage &&
            (first < MAX ? (
              <Button block onClick={() => setFirst((n) => Math.min(MAX, n + STEP))} loading={fetching}>
                {t("common.loadMore")}
              </Button>
            ) : (
              <Typography.Paragraph type="secondary" className="list-end-note">
                {t("notifications.olderHidden", { count: MAX })}
              </Typography.Paragraph>
            ))}
        </Flex>
      </QueryState>
    </Page>
  );
}
