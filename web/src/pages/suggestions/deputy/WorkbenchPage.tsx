import {
  CalendarOutlined,
  ExclamationCircleOutlined,
  FormOutlined,
  RightOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Flex, Input, Row, Segmented, Select, Tabs, Tag, Typography } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useQuery, useSubscription } from "urql";
import { CursorPager, useCursorPages } from "../../../components/CursorPager";
import { useFormatDateTime } from "../../../components/format";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import type {
  InboxItemFragment,
  SuggestionCategory,
  SuggestionFilter,
  SuggestionOrder,
  SuggestionStatus,
  WorkbenchChangedSubscription,
  WorkbenchCountsQuery,
} from "../../../gql/graphql";
import { useSession } from "../../../session/SessionProvider";
import { formatDay } from "../shared/dates";
import { DueTag, SuggestionStatusTag } from "../shared/SuggestionTags";
import { WorkbenchChangedDocument, WorkbenchCountsDocument, WorkbenchInboxDocument } from "./documents";
import { useHandlerScope } from "./scope";

const TABS = [
  "active",
  "overdue",
  "dueSoon",
  "submitted",
  "accepted",
  "handling",
  "replied",
  "supervising",
  "finished",
] as const;
type TabKey = (typeof TABS)[number];

const OPEN: SuggestionStatus[] = [
  "SUBMITTED",
  "ACCEPTED",
  "TRANSFERRED",
  "IN_PROGRESS",
  "REPLIED",
  "RATED",
  "SUPERVISING",
];

/** What each tab asks the server for (the server's own filters; nothing is filtered here). */
const TAB_FILTERS: Record<TabKey, SuggestionFilter> = {
  active: { status: OPEN },
  overdue: { overdue: true },
  dueSoon: { dueSoon: true },
  submitted: { status: ["SUBMITTED"] },
  accepted: { status: ["ACCEPTED"] },
  handling: { status: ["TRANSFERRED", "IN_PROGRESS"] },
  replied: { status: ["REPLIED", "RATED"] },
  supervising: { status: ["SUPERVISING"] },
  finished: { status: ["CLOSED", "DECLINED"] },
};

const CATEGORIES: SuggestionCategory[] = [
  "CITY_APPEARANCE",
  "TRANSPORT",
  "PROPERTY_MANAGEMENT",
  "ELDERLY_SERVICES",
  "PUBLIC_SAFETY",
  "HEALTH_EDUCATION",
  "OTHER",
];

type Source = "deputy" | "staff";
type Sort = SuggestionOrder;

const isTab = (value: string | null): value is TabKey => TABS.includes(value as TabKey);

function countsOf(data: WorkbenchCountsQuery | undefined, source: Source): Partial<Record<TabKey, number>> {
  if (!data) return {};
  const d = source === "deputy";
  return {
    active: (d ? data.deputyActive : data.staffActive)?.totalCount,
    overdue: (d ? data.deputyOverdue : data.staffOverdue)?.totalCount,
    dueSoon: (d ? data.deputyDueSoon : data.staffDueSoon)?.totalCount,
    submitted: (d ? data.deputySubmitted : data.staffSubmitted)?.totalCount,
    accepted: (d ? data.deputyAccepted : data.staffAccepted)?.totalCount,
    handling: (d ? data.deputyHandling : data.staffHandling)?.totalCount,
    replied: (d ? data.deputyReplied : data.staffReplied)?.totalCount,
    supervising: (d ? data.deputySupervising : data.staffSupervising)?.totalCount,
    finished: (d ? data.deputyFinished : data.staffFinished)?.totalCount,
  };
}

type Change = WorkbenchChangedSubscription["suggestionWorkbench"];
/** Changes that need a person's attention, not just a fresh list. */
type NoticeKind = "SUBMITTED" | "DUE_SOON" | "OVERDUE" | "RETURNED" | "SUPERVISING" | "REPLIED";
const NOTICE_KINDS: Record<NoticeKind, "info" | "warning" | "error"> = {
  SUBMITTED: "info",
  DUE_SOON: "warning",
  OVERDUE: "error",
  RETURNED: "warning",
  SUPERVISING: "warning",
  REPLIED: "info",
};

/**
 * 代表工作台: the suggestions of the deputy's posts (or, for staff, of their areas), most urgent
 * first, by stage; kept live — a new submission, a step by a department, a due date drawing near
 * or passing refreshes the list and the counts, and the urgent ones say so.
 */
export function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const scope = useHandlerScope();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get("tab");
  const tab: TabKey = isTab(tabParam) ? tabParam : "active";
  const [chosenSource, setSource] = useState<Source | null>(null);
  const source: Source = chosenSource ?? (scope.isDeputy ? "deputy" : "staff");
  const [postId, setPostId] = useState<string | null>(null);
  const [category, setCategory] = useState<SuggestionCategory | null>(null);
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<Sort>("URGENCY");
  const pages = useCursorPages(20);
  const { reset } = pages;

  const finished = tab === "finished";
  const orderBy: Sort = finished && sort === "URGENCY" ? "NEWEST" : sort;
  const base: SuggestionFilter = useMemo(
    () => ({ postId, category, search: search.trim() || null }),
    [postId, category, search],
  );
  const staff = source === "staff";
  const [list, reexecuteList] = useQuery({
    query: WorkbenchInboxDocument,
    variables: {
      staff,
      filter: { ...base, ...TAB_FILTERS[tab] },
      orderBy,
      first: pages.first,
      after: pages.after,
    },
    pause: !scope.isDeputy && !scope.isStaff,
    requestPolicy: "cache-and-network",
  });
  const countVariables = useMemo(
    () => ({
      staff,
      ...Object.fromEntries(TABS.map((key) => [key, { ...base, ...TAB_FILTERS[key] }])),
    }),
    [staff, base],
  );
  const [counts, reexecuteCounts] = useQuery({
    query: WorkbenchCountsDocument,
    variables: countVariables,
    pause: !scope.isDeputy && !scope.isStaff,
    requestPolicy: "cache-and-network",
  });
  const count = countsOf(counts.data, source);

  const refresh = useCallback(() => {
    reexecuteList({ requestPolicy: "network-only" });
    reexecuteCounts({ requestPolicy: "network-only" });
  }, [reexecuteList, reexecuteCounts]);
  useEffect(() => session.onReconnected(refresh), [session, refresh]);

  // Live: every change of a suggestion the viewer handles; a burst (one transfer to three
  // departments) becomes one refetch.
  const [live] = useSubscription(
    { query: WorkbenchChangedDocument, pause: !scope.isDeputy && !scope.isStaff },
    (previous: { seq: number; change: Change } | undefined, next: WorkbenchChangedSubscription) => ({
      seq: (previous?.seq ?? 0) + 1,
      change: next.suggestionWorkbench,
    }),
  );
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The notices belong to this page: leaving it (often to open the very suggestion) closes them.
  const noticeKeys = useRef(new Set<string>());
  useEffect(
    () => () => {
      clearTimeout(refreshTimer.current ?? undefined);
      for (const key of noticeKeys.current) notification.destroy(key);
    },
    [notification],
  );
  const seq = live.data?.seq;
  const change = live.data?.change;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per event (its sequence number)
  useEffect(() => {
    if (!seq || !change) return;
    clearTimeout(refreshTimer.current ?? undefined);
    refreshTimer.current = setTimeout(refresh, 300);
    if (!(change.kind in NOTICE_KINDS)) return;
    const kind = change.kind as NoticeKind;
    const tone = NOTICE_KINDS[kind];
    const to = `/workbench/suggestions/${change.suggestionId}`;
    const key = `${change.kind}-${change.suggestionId}`;
    noticeKeys.current.add(key);
    notification[tone]({
      key,
      title: t(`suggestDeputy.workbench.notice.${kind}`),
      description: change.suggestion?.title ?? `#${change.suggestionId}`,
      placement: "topRight",
      duration: change.kind === "OVERDUE" ? false : 8,
      className: "workbench-notice",
      role: "alert",
      actions: (
        <Button
          type="primary"
          size="small"
          onClick={() => {
            notification.destroy(key);
            void navigate(to);
          }}
        >
          {t("suggestDeputy.workbench.notice.open")}
        </Button>
      ),
    });
  }, [seq]);

  const chooseTab = (key: TabKey) => {
    reset();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (key === "active") next.delete("tab");
        else next.set("tab", key);
        return next;
      },
      { replace: true },
    );
  };

  const connection = staff ? list.data?.staffSuggestions : list.data?.deputyInbox;
  const items = connection?.edges.map((e) => e.node) ?? [];
  const noScope = !scope.loading && !scope.isDeputy && !scope.isStaff;
  const overdueCount = count.overdue ?? 0;
  const dueSoonCount = count.dueSoon ?? 0;

  return (
    <Page
      title={t("suggestDeputy.workbench.title")}
      description={t(staff ? "suggestDeputy.workbench.leadStaff" : "suggestDeputy.workbench.lead")}
      extra={
        <Flex gap={8} wrap>
          <LinkButton to="/workbench/record" type="primary" icon={<FormOutlined />}>
            {t("suggestDeputy.workbench.record")}
          </LinkButton>
          <LinkButton to="/workbench/receptions" icon={<CalendarOutlined />}>
            {t("suggestDeputy.workbench.receptions")}
          </LinkButton>
        </Flex>
      }
    >
      {noScope ? (
        <Alert type="info" showIcon title={t("suggestDeputy.workbench.noScope")} />
      ) : (
        <>
          {(overdueCount > 0 || dueSoonCount > 0) && (
            <Alert
              type={overdueCount > 0 ? "error" : "warning"}
              showIcon
              icon={<ExclamationCircleOutlined />}
              className="workbench-urgent"
              data-testid="workbench-urgent"
              title={
                overdueCount > 0
                  ? t("suggestDeputy.workbench.urgentOverdue", { count: overdueCount })
                  : t("suggestDeputy.workbench.urgentDueSoon", { count: dueSoonCount })
              }
              description={
                overdueCount > 0 && dueSoonCount > 0
                  ? t("suggestDeputy.workbench.urgentAlsoDueSoon", { count: dueSoonCount })
                  : undefined
              }
              action={
                <Button size="small" onClick={() => chooseTab(overdueCount > 0 ? "overdue" : "dueSoon")}>
                  {t("suggestDeputy.workbench.urgentShow")}
                </Button>
              }
            />
          )}
          <Card className="filter-card workbench-filters">
            <Row gutter={[12, 12]}>
              {scope.isDeputy && scope.isStaff && (
                <Col xs={24}>
                  <Segmented<Source>
                    value={source}
                    onChange={(value) => {
                      setSource(value);
                      setPostId(null);
                      reset();
                    }}
                    options={[
                      { value: "deputy", label: t("suggestDeputy.workbench.sourceDeputy"), icon: <UserOutlined /> },
                      { value: "staff", label: t("suggestDeputy.workbench.sourceStaff") },
                    ]}
                  />
                </Col>
              )}
              <Col xs={24} md={10}>
                <Input.Search
                  allowClear
                  placeholder={t("suggestDeputy.workbench.searchPlaceholder")}
                  aria-label={t("suggestDeputy.workbench.search")}
                  onSearch={(value) => {
                    setSearch(value);
                    reset();
                  }}
                />
              </Col>
              {scope.posts.length > 1 && (
                <Col xs={12} md={5}>
                  <Select
                    allowClear
                    value={postId}
                    onChange={(value) => {
                      setPostId(value ?? null);
                      reset();
                    }}
                    placeholder={t("suggestDeputy.workbench.allPosts")}
                    aria-label={t("suggestDeputy.workbench.post")}
                    style={{ width: "100%" }}
                    options={(source === "deputy"
                      ? scope.posts.filter((p) => scope.deputyPostIds.includes(p.id))
                      : scope.posts
                    ).map((p) => ({ value: p.id, label: p.name }))}
                  />
                </Col>
              )}
              <Col xs={12} md={scope.posts.length > 1 ? 4 : 7}>
                <Select
                  allowClear
                  value={category}
                  onChange={(value) => {
                    setCategory(value ?? null);
                    reset();
                  }}
                  placeholder={t("suggestDeputy.workbench.allCategories")}
                  aria-label={t("suggestDeputy.workbench.category")}
                  style={{ width: "100%" }}
                  options={CATEGORIES.map((c) => ({ value: c, label: t(`suggestion.category.${c}`) }))}
                />
              </Col>
              <Col xs={scope.posts.length > 1 ? 24 : 12} md={scope.posts.length > 1 ? 5 : 7}>
                <Select<Sort>
                  value={orderBy}
                  onChange={(value) => {
                    setSort(value);
                    reset();
                  }}
                  aria-label={t("suggestDeputy.workbench.sort")}
                  style={{ width: "100%" }}
                  options={(["URGENCY", "NEWEST", "OLDEST"] as const)
                    .filter((o) => !finished || o !== "URGENCY")
                    .map((o) => ({ value: o, label: t(`suggestDeputy.workbench.order.${o}`) }))}
                />
              </Col>
            </Row>
          </Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => chooseTab(key as TabKey)}
            className="workbench-tabs"
            items={TABS.map((key) => ({
              key,
              label: (
                <span className="workbench-tab" data-testid={`tab-${key}`}>
                  {t(`suggestDeputy.workbench.tab.${key}`)}
                  {count[key] != null && (
                    <span
                      className={`tab-count${(key === "overdue" && count[key] > 0) || (key === "submitted" && count[key] > 0) ? " is-hot" : ""}`}
                    >
                      {count[key]}
                    </span>
                  )}
                </span>
              ),
            }))}
          />
          <QueryState
            fetching={list.fetching || scope.loading}
            error={list.error}
            hasData={Boolean(connection)}
            empty={items.length === 0}
            emptyText={t(`suggestDeputy.workbench.empty.${tab}`)}
            onRetry={refresh}
          >
            <Flex vertical gap={10} component="ul" className="wb-inbox-list" aria-live="polite">
              {items.map((item) => (
                <li key={item.id}>
                  <InboxCard item={item} language={i18n.language} />
                </li>
              ))}
            </Flex>
          </QueryState>
          {connection && (
            <CursorPager
              page={pages.page}
              pageSize={pages.pageSize}
              total={connection.totalCount}
              hasNext={connection.pageInfo.hasNextPage}
              onNext={() => pages.next(connection.pageInfo.endCursor)}
              onPrevious={pages.previous}
            />
          )}
        </>
      )}
    </Page>
  );
}

function InboxCard({ item, language }: { item: InboxItemFragment; language: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const urgency = item.overdue ? "overdue" : item.dueSoon ? "soon" : item.status === "SUBMITTED" ? "new" : "normal";
  return (
    <Link
      to={`/workbench/suggestions/${item.id}`}
      className="vote-card-link wb-inbox-link"
      data-testid="inbox-item"
      data-urgency={urgency}
    >
      <Card size="small" hoverable className={`wb-inbox-card is-${urgency}`}>
        <Flex justify="space-between" align="center" gap={12}>
          <Flex vertical gap={4} className="vote-card-main">
            <Flex gap={6} align="center" wrap className="wb-inbox-tags">
              <SuggestionStatusTag status={item.status} />
              <DueTag overdue={item.overdue} dueSoon={item.dueSoon} workingDaysLeft={item.workingDaysLeft} />
              {item.supervised && (
                <Tag color="volcano" className="supervised-tag">
                  {t("suggestion.supervised")}
                  {item.round > 1 && ` · ${t("suggestion.round", { round: item.round })}`}
                </Tag>
              )}
              <Tag>{t(`suggestion.category.${item.category}`)}</Tag>
              {item.channel === "RECEPTION" && <Tag color="default">{t("suggestDeputy.workbench.recorded")}</Tag>}
            </Flex>
            <Typography.Text strong className="vote-card-title wb-inbox-title">
              {item.title}
            </Typography.Text>
            <Typography.Text type="secondary" className="wb-inbox-meta">
              {[item.post.name, item.area.name, item.place].filter(Boolean).join(" · ")}
            </Typography.Text>
            <Typography.Text type="secondary" className="wb-inbox-meta">
              {t("suggestDeputy.workbench.submittedAt", { time: formatDateTime(item.createdAt) })}
              {item.dueOn && ` · ${t("suggestDeputy.workbench.dueOn", { date: formatDay(item.dueOn, language) })}`}
              {` · #${item.id}`}
            </Typography.Text>
          </Flex>
          <RightOutlined aria-hidden className="vote-card-arrow" />
        </Flex>
      </Card>
    </Link>
  );
}
