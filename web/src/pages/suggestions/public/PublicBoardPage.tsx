import { EditOutlined } from "@ant-design/icons";
import { Card, Col, Flex, Input, Row, Select, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { CursorPager, useCursorPages } from "../../../components/CursorPager";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import { graphql } from "../../../gql";
import { useViewer } from "../../../session/ViewerProvider";
import { BOARD_STATUS_GROUPS, isBoardStatusGroup, isCategory, SUGGESTION_CATEGORIES } from "./model";
import { PostSelect } from "./PostSelect";
import { SuggestionCard } from "./SuggestionCard";
import { usePostChoices } from "./usePostChoices";

const PublicBoardDocument = graphql(`
  query PublicSuggestionBoard(
    $search: String
    $category: SuggestionCategory
    $status: [SuggestionStatus!]
    $postId: ID
    $first: Int!
    $after: String
  ) {
    publicSuggestions(
      search: $search
      category: $category
      status: $status
      postId: $postId
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SuggestionCardFields
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;

/**
 * 意见建议公开栏: suggestions whose submitters allowed it, once a deputy accepted them, with how they
 * were handled. Filters live in the address, so a filtered board can be shared or bookmarked.
 */
export function PublicBoardPage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const pages = useCursorPages(PAGE_SIZE);
  const { posts, loaded: postsLoaded } = usePostChoices();

  const search = params.get("q") ?? "";
  const category = params.get("category");
  const statusGroup = params.get("status");
  const postId = params.get("post");
  const [searchText, setSearchText] = useState(search);
  useEffect(() => setSearchText(search), [search]);

  const setFilter = (name: string, value: string | null) => {
    pages.reset();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  };

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: PublicBoardDocument,
    variables: {
      search: search || null,
      category: isCategory(category) ? category : null,
      status: isBoardStatusGroup(statusGroup) ? [...BOARD_STATUS_GROUPS[statusGroup]] : null,
      postId: postId && /^\d+$/.test(postId) ? postId : null,
      first: pages.first,
      after: pages.after,
    },
    requestPolicy: "cache-and-network",
  });
  const connection = data?.publicSuggestions;
  const suggestions = connection?.edges.map((edge) => edge.node) ?? [];
  const filtered = Boolean(search || category || statusGroup || postId);

  return (
    <Page
      title={t("suggestResident.board.title")}
      description={t("suggestResident.board.lead")}
      extra={
        <LinkButton to="/me/suggestions/new" type="primary" size="large" icon={<EditOutlined />}>
          {viewer.signedIn ? t("suggestResident.board.submit") : t("suggestResident.board.submitSignIn")}
        </LinkButton>
      }
    >
      <Card size="small" className="filter-card board-filters">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={24} lg={9}>
            <Input.Search
              size="large"
              allowClear
              value={searchText}
              onChange={(event) => setSearchText(event.target.value)}
              onSearch={(value) => setFilter("q", value.trim() || null)}
              placeholder={t("suggestResident.board.searchPlaceholder")}
              aria-label={t("suggestResident.board.search")}
              enterButton={t("common.search")}
            />
          </Col>
          <Col xs={12} lg={5}>
            <Select
              size="large"
              className="full-width"
              allowClear
              value={isCategory(category) ? category : undefined}
              onChange={(value: string | undefined) => setFilter("category", value ?? null)}
              placeholder={t("suggestResident.board.allCategories")}
              aria-label={t("suggestResident.board.category")}
              options={SUGGESTION_CATEGORIES.map((c) => ({ value: c, label: t(`suggestion.category.${c}`) }))}
            />
          </Col>
          <Col xs={12} lg={4}>
            <Select
              size="large"
              className="full-width"
              allowClear
              value={isBoardStatusGroup(statusGroup) ? statusGroup : undefined}
              onChange={(value: string | undefined) => setFilter("status", value ?? null)}
              placeholder={t("suggestResident.board.allStatuses")}
              aria-label={t("suggestResident.board.status")}
              options={Object.keys(BOARD_STATUS_GROUPS).map((group) => ({
                value: group,
                label: t(`suggestResident.board.statusGroup.${group as keyof typeof BOARD_STATUS_GROUPS}`),
              }))}
            />
          </Col>
          <Col xs={24} lg={6}>
            <PostSelect
              posts={posts}
              loading={!postsLoaded}
              className="full-width"
              allowClear
              value={postId}
              onChange={(value) => setFilter("post", value)}
              placeholder={t("suggestResident.board.allPosts")}
              aria-label={t("suggestResident.board.post")}
            />
          </Col>
        </Row>
      </Card>

      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(connection)}
        empty={suggestions.length === 0}
        emptyText={filtered ? t("suggestResident.board.noneFiltered") : t("suggestResident.board.none")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        <Flex vertical gap={12}>
          {filtered && connection && (
            <Typography.Text type="secondary" aria-live="polite">
              {t("suggestResident.board.found", { count: connection.totalCount })}
            </Typography.Text>
          )}
          {suggestions.map((suggestion) => (
            <SuggestionCard key={suggestion.id} suggestion={suggestion} testId="board-suggestion" />
          ))}
        </Flex>
      </QueryState>
      {connection && suggestions.length > 0 && (
        <div className="list-pager">
          <CursorPager
            page={pages.page}
            pageSize={pages.pageSize}
            total={connection.totalCount}
            hasNext={connection.pageInfo.hasNextPage}
            onNext={() => pages.next(connection.pageInfo.endCursor)}
            onPrevious={pages.previous}
          />
        </div>
      )}
      <Typography.Paragraph type="secondary" className="privacy-note">
        {t("suggestResident.board.privacy")}
      </Typography.Paragraph>
    </Page>
  );
}
