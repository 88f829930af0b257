import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled, RightOutlined } from "@ant-design/icons";
import { Card, Flex, Segmented, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { ConnectionPager, useCursorPages } from "../../components/CursorPager";
import { useFormatDateTime } from "../../components/format";
import { LinkButton } from "../../components/LinkButton";
import { Page } from "../../components/Page";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import type { MyVoteItemFragment, VoteStatus } from "../../gql/graphql";
import { useViewer } from "../../session/ViewerProvider";
import { useElectorate, VoteStatusTag } from "./VoteFacts";

export const MyVoteItemFragmentDoc = graphql(`
  fragment MyVoteItem on Vote {
    id
    title
    status
    countingUnit
    closesAt
    closedAt
    publishedAt
    area {
      id
      name
      kind
      ancestors {
        id
        name
        kind
      }
    }
    council {
      id
      name
    }
    myStatus {
      eligible
      hasVoted
    }
  }
`);

const MyVotesDocument = graphql(`
  query MyVotes($status: [VoteStatus!], $first: Int!, $after: String) {
    myVotes(status: $status, first: $first, after: $after) {
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

type Filter = "open" | "over";
const STATUSES: Record<Filter, VoteStatus[]> = { open: ["OPEN"], over: ["CLOSED", "PUBLISHED"] };

/** 我的表决: the votes a resident (or their household) is on the roll of. */
export function MyVotesPage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [filter, setFilter] = useState<Filter>("open");
  const pages = useCursorPages(20);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyVotesDocument,
    variables: { status: STATUSES[filter], first: pages.first, after: pages.after },
    requestPolicy: "cache-and-network",
  });
  const connection = data?.myVotes;
  const votes = connection?.edges.map((e) => e.node) ?? [];
  const verified = viewer.memberships.some((m) => m.status === "VERIFIED");

  return (
    <Page title={t("votes.mine.title")} description={t("votes.mine.lead")}>
      <Segmented
        block
        size="large"
        value={filter}
        onChange={(value) => {
          setFilter(value as Filter);
          pages.reset();
        }}
        options={[
          { value: "open", label: t("votes.mine.open") },
          { value: "over", label: t("votes.mine.over") },
        ]}
        className="filter-bar"
      />
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(connection)}
        empty={votes.length === 0}
        emptyText={
          filter === "open"
            ? verified
              ? t("votes.mine.noneOpen")
              : t("votes.mine.notVerified")
            : t("votes.mine.noneOver")
        }
        emptyAction={
          !verified && filter === "open" ? <LinkButton to="/me/home">{t("votes.cast.goVerify")}</LinkButton> : undefined
        }
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        <VoteCards votes={votes} testId="my-vote" />
      </QueryState>
      <ConnectionPager pages={pages} pageInfo={connection?.pageInfo} />
    </Page>
  );
}

export function VoteCards({ votes, testId }: { votes: readonly MyVoteItemFragment[]; testId: string }) {
  return (
    <Flex vertical gap={12}>
      {votes.map((vote) => (
        <VoteCard key={vote.id} vote={vote} testId={testId} />
      ))}
    </Flex>
  );
}

/** One vote in a list: its state, the viewer's own part in it (when signed in), when it ends. */
function VoteCard({ vote, testId }: { vote: MyVoteItemFragment; testId: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const electorate = useElectorate();
  const household = vote.countingUnit === "HOUSEHOLD";
  const voted = vote.myStatus?.hasVoted;
  return (
    <Link to={`/votes/${vote.id}`} className="vote-card-link" data-testid={testId}>
      <Card size="small" hoverable className="vote-card">
        <Flex justify="space-between" align="center" gap={12}>
          <Flex vertical gap={4} className="vote-card-main">
            <Flex gap={8} align="center" wrap>
              <VoteStatusTag status={vote.status} />
              {vote.status === "OPEN" &&
                vote.myStatus?.eligible &&
                (voted ? (
                  <Tag color="green" icon={<CheckCircleFilled />} className="status-tag">
                    {household ? t("votes.mine.householdVoted") : t("votes.mine.voted")}
                  </Tag>
                ) : (
                  <Tag color="gold" icon={<ExclamationCircleFilled />} className="status-tag">
                    {household ? t("votes.mine.householdNotVoted") : t("votes.mine.notVoted")}
                  </Tag>
                ))}
            </Flex>
            <Typography.Text strong className="vote-card-title">
              {vote.title}
            </Typography.Text>
            <Typography.Text type="secondary">{electorate(vote)}</Typography.Text>
            {vote.status === "OPEN" && (
              <Typography.Text>
                <ClockCircleOutlined aria-hidden />{" "}
                {vote.closesAt
                  ? t("votes.page.closesAt", { time: formatDateTime(vote.closesAt) })
                  : t("votes.facts.closesManually")}
              </Typography.Text>
            )}
            {vote.status === "PUBLISHED" && vote.publishedAt && (
              <Typography.Text type="secondary">
                {t("votes.mine.publishedAt", { time: formatDateTime(vote.publishedAt) })}
              </Typography.Text>
            )}
            {vote.status === "CLOSED" && (
              <Typography.Text type="secondary">{t("votes.mine.awaitingPublication")}</Typography.Text>
            )}
          </Flex>
          <RightOutlined aria-hidden className="vote-card-arrow" />
        </Flex>
      </Card>
    </Link>
  );
}
