import { PlusOutlined, RightOutlined } from "@ant-design/icons";
import { Alert, Card, Col, Flex, Row, Segmented, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { AreaSelect } from "../../../components/AreaSelect";
import { ConnectionPager, useCursorPages } from "../../../components/CursorPager";
import { useFormatDateTime } from "../../../components/format";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import { graphql } from "../../../gql";
import type { OrganiserVoteItemFragment, VoteStatus } from "../../../gql/graphql";
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

type Filter = "running" | "DRAFT" | "CLOSED" | "PUBLISHED" | "CANCELLED";
const FILTER_STATUSES: Record<Filter, VoteStatus[]> = {
  running: ["OPEN", "SCHEDULED"],
  DRAFT: ["DRAFT"],
  CLOSED: ["CLOSED"],
  PUBLISHED: ["PUBLISHED"],
  CANCELLED: ["CANCELLED"],
};

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
      status: FILTER_STATUSES[filter],
      first: pages.first,
      after: pages.after,
    },
    pause: !areaId,
    requestPolicy: "cache-and-network",
  });
  const connection = data?.votes;
  const votes = connection?.edges.map((e) => e.node) ?? [];

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
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(connection)}
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
      <ConnectionPager pages={pages} pageInfo={connection?.pageInfo} />
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
