import { Flex, Input, Segmented } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { ConnectionPager, useCursorPages } from "../../components/CursorPager";
import { Page } from "../../components/Page";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import type { VoteStatus } from "../../gql/graphql";
import { VoteCards } from "./MyVotesPage";

const PublicVotesDocument = graphql(`
  query PublicVotes($status: [VoteStatus!], $search: String, $first: Int!, $after: String) {
    votes(status: $status, search: $search, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...MyVoteItem
        }
      }
    }
  }
`);

type Filter = "published" | "open";
const STATUSES: Record<Filter, VoteStatus[]> = { published: ["PUBLISHED"], open: ["OPEN"] };

/** 表决公示: published results (and votes under way) for anyone, without signing in. */
export function PublicVotesPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>("published");
  const [search, setSearch] = useState("");
  const pages = useCursorPages(20);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: PublicVotesDocument,
    variables: { status: STATUSES[filter], search: search || null, first: pages.first, after: pages.after },
    requestPolicy: "cache-and-network",
  });
  const connection = data?.votes;
  const votes = connection?.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t("votes.public.title")} description={t("votes.public.lead")}>
      <Flex vertical gap={12} className="filter-bar">
        <Segmented
          block
          size="large"
          value={filter}
          onChange={(value) => {
            setFilter(value as Filter);
            pages.reset();
          }}
          options={[
            { value: "published", label: t("votes.public.published") },
            { value: "open", label: t("votes.public.open") },
          ]}
        />
        <Input.Search
          allowClear
          size="large"
          placeholder={t("votes.public.search")}
          aria-label={t("votes.public.search")}
          onSearch={(value) => {
            setSearch(value.trim());
            pages.reset();
          }}
        />
      </Flex>
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(connection)}
        empty={votes.length === 0}
        emptyText={t("votes.public.none")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        <VoteCards votes={votes} testId="public-vote" />
      </QueryState>
      <ConnectionPager pages={pages} pageInfo={connection?.pageInfo} />
    </Page>
  );
}
