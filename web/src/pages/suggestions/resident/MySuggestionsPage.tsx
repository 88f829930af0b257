import { EditOutlined, StarFilled } from "@ant-design/icons";
import { Alert, Flex } from "antd";
import { useCallback, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useSubscription } from "urql";
import { CursorPager, useCursorPages } from "../../../components/CursorPager";
import { useFormatDateTime } from "../../../components/format";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import { graphql } from "../../../gql";
import type { MySuggestionItemFragment } from "../../../gql/graphql";
import { useSession } from "../../../session/SessionProvider";
import { SuggestionCard } from "../public/SuggestionCard";

export const MySuggestionItemFragmentDoc = graphql(`
  fragment MySuggestionItem on Suggestion {
    ...SuggestionCardFields
    channel
    allowPublish
    viewerActions
  }
`);

const MySuggestionsDocument = graphql(`
  query MySuggestionList($first: Int!, $after: String) {
    mySuggestions(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...MySuggestionItem
        }
      }
    }
  }
`);

// The suggestion as it is now comes with each event: graphcache updates the card in place.
const MySuggestionChangedDocument = graphql(`
  subscription MySuggestionChanged($id: ID!) {
    suggestionChanged(id: $id) {
      suggestionId
      kind
      suggestion {
        ...MySuggestionItem
      }
    }
  }
`);

const PAGE_SIZE = 20;

/** 我的建议: what the resident submitted (or a deputy recorded for them), each kept live. */
export function MySuggestionsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const pages = useCursorPages(PAGE_SIZE);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MySuggestionsDocument,
    variables: { first: pages.first, after: pages.after },
    requestPolicy: "cache-and-network",
  });
  const refetch = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  // Events missed while the connection was down: read the page again.
  useEffect(() => session.onReconnected(refetch), [session, refetch]);
  const connection = data?.mySuggestions;
  const suggestions = connection?.edges.map((edge) => edge.node) ?? [];
  const awaitingRating = suggestions.filter((s) => s.viewerActions.includes("RATE")).length;

  const newButton = (
    <LinkButton
      to="/me/suggestions/new"
      type="primary"
      size="large"
      icon={<EditOutlined />}
      className="new-suggestion-button"
    >
      {t("suggestResident.mine.new")}
    </LinkButton>
  );

  return (
    <Page title={t("suggestResident.mine.title")} description={t("suggestResident.mine.lead")} extra={newButton}>
      {awaitingRating > 0 && (
        <Alert
          type="warning"
          showIcon
          icon={<StarFilled />}
          className="form-note"
          title={t("suggestResident.mine.awaitingRating", { count: awaitingRating })}
          data-testid="awaiting-rating"
        />
      )}
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(connection)}
        empty={suggestions.length === 0}
        emptyText={t("suggestResident.mine.none")}
        emptyAction={newButton}
        onRetry={refetch}
      >
        <Flex vertical gap={12}>
          {suggestions.map((suggestion) => (
            <MySuggestionCard key={suggestion.id} suggestion={suggestion} />
          ))}
        </Flex>
      </QueryState>
      {connection && suggestions.length > 0 && (
        <div className="list-pager">
          <CursorPager
            page={pages.page}
            pageSize={pages.pageSize}
            total={null}
            hasNext={connection.pageInfo.hasNextPage}
            onNext={() => pages.next(connection.pageInfo.endCursor)}
            onPrevious={pages.previous}
          />
        </div>
      )}
    </Page>
  );
}

function MySuggestionCard({ suggestion }: { suggestion: MySuggestionItemFragment }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  useSubscription({ query: MySuggestionChangedDocument, variables: { id: suggestion.id } });
  const toRate = suggestion.viewerActions.includes("RATE");
  return (
    <SuggestionCard
      suggestion={suggestion}
      testId="my-suggestion"
      highlighted={toRate}
      to={toRate ? `/suggestions/${suggestion.id}#rate` : undefined}
      banner={
        toRate ? (
          <span className="rate-banner" data-testid="rate-banner">
            <StarFilled aria-hidden /> {t("suggestResident.mine.rateNow")}
          </span>
        ) : undefined
      }
      meta={
        <>
          {t("suggestResident.mine.lastChange", { time: formatDateTime(suggestion.updatedAt) })}
          {" · "}
          {suggestion.post.name}
          {!suggestion.allowPublish && ` · ${t("suggestResident.mine.notPublic")}`}
        </>
      }
    />
  );
}
