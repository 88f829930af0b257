import { PlusOutlined, RightOutlined } from "@ant-design/icons";
import { Alert, Card, Col, Flex, Row, Segmented, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type OperationResult, useClient, useQuery } from "urql";
import { AreaSelect } from "../../../components/AreaSelect";
import { CursorPager, useCursorPages } from "../../../components/CursorPager";
import { useFormatDateTime } from "../../../components/format";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import { graphql } from "../../../gql";
import type { CouncilMeetingDraftsQuery, OrganiserVoteItemFragment, VoteStatus } from "../../../gql/graphql";
import { useElectorate, VoteStatusTag } from "../VoteFacts";
import { manageLink } from "./documents";
import { useOrganiserScope } from "./scope";

const OrganiserVotesDocument = graphql(`
  query OrganiserVotes($areaId: ID, $status: [VoteStatus!], $first: Int!, $after: String) {
    votes(areaId: $areaId, status: $status, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...OrganiserVoteItem
        }
      }
    }
  }
`);

// `votes` leaves drafts out; they are found through the subjects they belong to.
const DraftVotesDocument = graphql(`
  query DraftVotes($areaId: ID!) {
    topics(areaId: $areaId, first: 100) {
      edges {
        node {
          id
          votes {
            ...OrganiserVoteItem
          }
        }
      }
    }
    proposals(areaId: $areaId, first: 100) {
      edges {
        node {
          id
          votes {
            ...OrganiserVoteItem
          }
        }
      }
    }
    budgetRounds(areaId: $areaId) {
      id
      votes {
        ...OrganiserVoteItem
      }
    }
    councils(areaId: $areaId) {
      id
    }
  }
`);

const CouncilMeetingDraftsDocument = graphql(`
  query CouncilMeetingDrafts($councilId: ID!) {
    meetings(councilId: $councilId, first: 50) {
      edges {
        node {
          id
          items {
            id
            votes {
              ...OrganiserVoteItem
            }
          }
        }
      }
    }
  }
`);

type Filter = "running" | "DRAFT" | "CLOSED" | "PUBLISHED" | "CANCELLED";
const FILTER_STATUSES: Record<Exclude<Filter, "DRAFT">, VoteStatus[]> = {
  running: ["OPEN", "SCHEDULED"],
  CLOSED: ["CLOSED"],
  PUBLISHED: ["PUBLISHED"],
  CANCELLED: ["CANCELLED"],
};

/** Drafts under an area, gathered from its topics, proposals, budget rounds and council meetings. */
function useDraftVotes(areaId: string | null, active: boolean) {
  const client = useClient();
  const [state, setState] = useState<{ votes: OrganiserVoteItemFragment[]; loading: boolean; failed: boolean }>({
    votes: [],
    loading: false,
    failed: false,
  });
  useEffect(() => {
    if (!active || !areaId) return;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true, failed: false }));
    (async () => {
      const options = { requestPolicy: "network-only" as const };
      const first = await client.query(DraftVotesDocument, { areaId }, options).toPromise();
      if (cancelled) return;
      if (first.error || !first.data) {
        setState({ votes: [], loading: false, failed: true });
        return;
      }
      const found: OrganiserVoteItemFragment[] = [
        ...first.data.topics.edges.flatMap((e) => e.node.votes),
        ...first.data.proposals.edges.flatMap((e) => e.node.votes),
        ...first.data.budgetRounds.flatMap((r) => r.votes),
      ];
      const meetings: OperationResult<CouncilMeetingDraftsQuery>[] = await Promise.all(
        first.data.councils.map((c) =>
          client.query(CouncilMeetingDraftsDocument, { councilId: c.id }, options).toPromise(),
        ),
      );
      if (cancelled) return;
      for (const result of meetings) {
        for (const edge of result.data?.meetings.edges ?? []) found.push(...edge.node.items.flatMap((i) => i.votes));
      }
      const seen = new Set<string>();
      const drafts = found
        .filter((v) => v.status === "DRAFT" && !seen.has(v.id) && Boolean(seen.add(v.id)))
        .sort((a, b) => Number(b.id) - Number(a.id));
      setState({ votes: drafts, loading: false, failed: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [areaId, active, client]);
  return state;
}

/** 表决管理: the votes in the organiser's areas, drafts included, and the way to start a new one. */
export function OrganiseVotesPage() {
  const { t } = useTranslation();
  const scope = useOrganiserScope();
  const [filter, setFilter] = useState<Filter>("running");
  const [areaId, setAreaId] = useState<string | null>(scope.roots[0]?.id ?? null);
  const pages = useCursorPages(20);
  const drafts = filter === "DRAFT";
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OrganiserVotesDocument,
    variables: {
      areaId,
      status: drafts ? FILTER_STATUSES.running : FILTER_STATUSES[filter],
      first: pages.first,
      after: pages.after,
    },
    pause: drafts || !areaId,
    requestPolicy: "cache-and-network",
  });
  const draftState = useDraftVotes(areaId, drafts);
  const connection = data?.votes;
  const votes = drafts ? draftState.votes : (connection?.edges.map((e) => e.node) ?? []);

  return (
    <Page
      title={t("votes.organise.title")}
      description={t("votes.organise.lead")}
      extra={
        <LinkButton to="/organise/votes/new" type="primary" size="large" icon={<PlusOutlined />}>
          {t("votes.organise.create")}
        </LinkButton>
      }
    >
      <Card className="filter-card">
        <Row gutter={[12, 12]}>
          <Col xs={24}>
            <Segmented
              block
              value={filter}
              onChange={(value) => {
                setFilter(value as Filter);
                pages.reset();
              }}
              options={(["running", "DRAFT", "CLOSED", "PUBLISHED", "CANCELLED"] as const).map((f) => ({
                value: f,
                label: t(`votes.organise.filter.${f}`),
              }))}
              className="status-filter"
            />
          </Col>
          {scope.roots.length > 0 && (
            <Col xs={24} md={12}>
              <AreaSelect
                roots={scope.roots}
                value={areaId}
                onChange={(value) => {
                  setAreaId(value ?? scope.roots[0]?.id ?? null);
                  pages.reset();
                }}
                aria-label={t("votes.organise.area")}
              />
            </Col>
          )}
        </Row>
      </Card>
      {drafts && <Alert type="info" showIcon className="form-note" title={t("votes.organise.draftsNote")} />}
      {drafts && draftState.failed && <Alert type="error" showIcon title={t("common.loadFailed")} />}
      <QueryState
        fetching={drafts ? draftState.loading : fetching}
        error={drafts ? undefined : error}
        hasData={drafts ? !draftState.loading : Boolean(connection)}
        empty={votes.length === 0}
        emptyText={t("votes.organise.none")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        <Flex vertical gap={12}>
          {votes.map((vote) => (
            <OrganiserVoteCard key={vote.id} vote={vote} />
          ))}
        </Flex>
      </QueryState>
      {!drafts && connection && (
        <CursorPager
          page={pages.page}
          pageSize={pages.pageSize}
          total={null}
          hasNext={connection.pageInfo.hasNextPage}
          onNext={() => pages.next(connection.pageInfo.endCursor)}
          onPrevious={pages.previous}
        />
      )}
    </Page>
  );
}

function OrganiserVoteCard({ vote }: { vote: OrganiserVoteItemFragment }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const electorate = useElectorate();
  return (
    <Link to={manageLink(vote)} className="vote-card-link" data-testid="organiser-vote">
      <Card size="small" hoverable className="vote-card">
        <Flex justify="space-between" align="center" gap={12}>
          <Flex vertical gap={4} className="vote-card-main">
            <Flex gap={8} align="center" wrap>
              <VoteStatusTag status={vote.status} />
              <Tag>{t(`votes.subject.${vote.subject}`)}</Tag>
              <Tag>{t(`votes.ballotType.${vote.ballotType}`)}</Tag>
            </Flex>
            <Typography.Text strong className="vote-card-title">
              {vote.title}
            </Typography.Text>
            <Typography.Text type="secondary">
              {electorate(vote)}
              {vote.rollSize != null &&
                ` · ${t(`votes.facts.rollValue.${vote.countingUnit === "HOUSEHOLD" ? "household" : "person"}`, { count: vote.rollSize })}`}
            </Typography.Text>
            {vote.closesAt && (
              <Typography.Text type="secondary">
                {t("votes.page.closesAt", { time: formatDateTime(vote.closesAt) })}
              </Typography.Text>
            )}
          </Flex>
          <RightOutlined aria-hidden className="vote-card-arrow" />
        </Flex>
      </Card>
    </Link>
  );
}
