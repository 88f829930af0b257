import { RightOutlined } from "@ant-design/icons";
import { Card, Checkbox, Col, Flex, Input, Row, Select, Tag, Typography } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { CursorPager, useCursorPages } from "../../../components/CursorPager";
import { useFormatDateTime } from "../../../components/format";
import { QueryState } from "../../../components/QueryState";
import type {
  OfficeSuggestionItemFragment,
  SuggestionCategory,
  SuggestionOrder,
  SuggestionStatus,
} from "../../../gql/graphql";
import { useWorkbenchChanges } from "../department/live";
import { DueTag, SuggestionStatusTag } from "../shared/SuggestionTags";
import { OfficeSuggestionsDocument } from "./documents";
import type { PostOption } from "./usePostOptions";

const STATUSES: SuggestionStatus[] = [
  "SUBMITTED",
  "ACCEPTED",
  "TRANSFERRED",
  "IN_PROGRESS",
  "SUPERVISING",
  "REPLIED",
  "RATED",
  "CLOSED",
  "DECLINED",
];
const CATEGORIES: SuggestionCategory[] = [
  "CITY_APPEARANCE",
  "TRANSPORT",
  "PROPERTY_MANAGEMENT",
  "ELDERLY_SERVICES",
  "PUBLIC_SAFETY",
  "HEALTH_EDUCATION",
  "OTHER",
];

interface Filters {
  status: SuggestionStatus[];
  overdue: boolean;
  postId: string | null;
  category: SuggestionCategory | null;
  search: string;
  orderBy: SuggestionOrder;
}

const INITIAL: Filters = { status: [], overdue: false, postId: null, category: null, search: "", orderBy: "NEWEST" };

/** 意见建议清单: every suggestion in the staff's areas, filtered, each opening its handling page. Live. */
export function SuggestionList({ posts }: { posts: readonly PostOption[] }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(INITIAL);
  const pages = useCursorPages(20);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OfficeSuggestionsDocument,
    variables: {
      filter: {
        status: filters.status.length ? filters.status : null,
        overdue: filters.overdue || null,
        postId: filters.postId,
        category: filters.category,
        search: filters.search || null,
      },
      orderBy: filters.orderBy,
      first: pages.first,
      after: pages.after,
    },
    requestPolicy: "cache-and-network",
  });
  const reload = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  useWorkbenchChanges(reload, { debounceMs: 1500 });

  const set = (patch: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    pages.reset();
  };
  const connection = data?.staffSuggestions;
  const items = connection?.edges.map((e) => e.node) ?? [];
  const filtered = JSON.stringify({ ...filters, orderBy: "NEWEST" }) !== JSON.stringify(INITIAL);

  return (
    <>
      <Card size="small" className="filter-card">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} lg={8}>
            <Select<SuggestionStatus[]>
              mode="multiple"
              allowClear
              value={filters.status}
              onChange={(status) => set({ status })}
              placeholder={t("suggestOffice.list.allStatuses")}
              aria-label={t("suggestOffice.list.status")}
              options={STATUSES.map((s) => ({ value: s, label: t(`suggestion.status.${s}`) }))}
              style={{ width: "100%" }}
              maxTagCount="responsive"
            />
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Select<SuggestionCategory | null>
              allowClear
              value={filters.category}
              onChange={(category) => set({ category: category ?? null })}
              placeholder={t("suggestOffice.list.allCategories")}
              aria-label={t("suggestOffice.list.category")}
              options={CATEGORIES.map((c) => ({ value: c, label: t(`suggestion.category.${c}`) }))}
              style={{ width: "100%" }}
            />
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Select<string | null>
              allowClear
              value={filters.postId}
              onChange={(postId) => set({ postId: postId ?? null })}
              placeholder={t("suggestOffice.list.allPosts")}
              aria-label={t("suggestOffice.list.post")}
              options={[...posts]}
              style={{ width: "100%" }}
              popupMatchSelectWidth={false}
            />
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Input.Search
              allowClear
              placeholder={t("suggestOffice.list.searchPlaceholder")}
              aria-label={t("suggestOffice.list.searchPlaceholder")}
              onSearch={(value) => set({ search: value.trim() })}
            />
          </Col>
          <Col xs={24}>
            <Flex gap={16} wrap align="center">
              <Checkbox checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })}>
                {t("suggestOffice.list.overdueOnly")}
              </Checkbox>
              <Select<SuggestionOrder>
                value={filters.orderBy}
                onChange={(orderBy) => set({ orderBy })}
                aria-label={t("suggestOffice.list.order")}
                options={(["NEWEST", "OLDEST", "URGENCY"] as const).map((o) => ({
                  value: o,
                  label: t(`suggestOffice.list.orderBy.${o}`),
                }))}
                style={{ minWidth: 160 }}
              />
            </Flex>
          </Col>
        </Row>
      </Card>
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(connection)}
        empty={items.length === 0}
        emptyText={filtered ? t("suggestOffice.list.noneFiltered") : t("suggestOffice.list.none")}
        onRetry={reload}
      >
        <Flex vertical gap={10} className="sd-list" data-testid="staff-suggestions">
          {items.map((item) => (
            <SuggestionItem key={item.id} item={item} />
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
  );
}

function SuggestionItem({ item }: { item: OfficeSuggestionItemFragment }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const departments = item.currentTransfers.filter((tr) => tr.status !== "RETURNED");
  return (
    <Link to={`/workbench/suggestions/${item.id}`} className="vote-card-link" data-testid="staff-suggestion">
      <Card size="small" hoverable className={`sd-item${item.overdue ? " is-overdue" : ""}`}>
        <Flex justify="space-between" align="center" gap={12}>
          <Flex vertical gap={4} className="vote-card-main">
            <Flex gap={6} align="center" wrap>
              <SuggestionStatusTag status={item.status} />
              {item.supervised && <Tag color="volcano">{t("suggestion.supervised")}</Tag>}
              <DueTag overdue={item.overdue} dueSoon={item.dueSoon} workingDaysLeft={item.workingDaysLeft} />
            </Flex>
            <Typography.Text strong className="vote-card-title">
              <span className="sd-item-number">#{item.id}</span> {item.title}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t(`suggestion.category.${item.category}`)} · {item.area.name} · {item.post.name} ·{" "}
              {formatDateTime(item.createdAt)}
            </Typography.Text>
            {departments.length > 0 && (
              <Typography.Text type="secondary" className="sd-item-departments">
                {t("suggestOffice.list.departments", {
                  list: departments
                    .map((d) => `${d.department.name}（${t(`suggestion.transferRole.${d.role}`)}）`)
                    .join("、"),
                })}
              </Typography.Text>
            )}
          </Flex>
          <RightOutlined aria-hidden className="vote-card-arrow" />
        </Flex>
      </Card>
    </Link>
  );
}
