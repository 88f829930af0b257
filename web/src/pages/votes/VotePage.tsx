import { ClockCircleOutlined, FundProjectionScreenOutlined, SettingOutlined } from "@ant-design/icons";
import { Button, Card, Col, Flex, Row, Typography } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { useFormatDateTime } from "../../components/format";
import { LinkButton } from "../../components/LinkButton";
import { Page } from "../../components/Page";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import { CastPanel } from "./CastPanel";
import { parseResult } from "./model";
import { ReceiptCheckBox } from "./Receipt";
import { TallyPanel } from "./TallyView";
import { useLiveTally } from "./useLiveTally";
import { useFormatTimeLeft, useTimeLeft } from "./useTimeLeft";
import { useElectorate, VoteFacts, VoteStatusTag } from "./VoteFacts";
import { VoteResultView } from "./VoteResultView";

const VotePageDocument = graphql(`
  query VotePage($id: ID!) {
    vote(id: $id) {
      ...VoteCore
      viewerMayOrganise
      result
      tally {
        ...TallyFields
      }
      myStatus {
        ...MyVoteStatusFields
      }
    }
  }
`);

/** One vote, for a resident: the question, casting and changing, the live count, the result. */
export function VotePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const formatDateTime = useFormatDateTime();
  const formatTimeLeft = useFormatTimeLeft();
  const electorate = useElectorate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: VotePageDocument,
    variables: { id },
    requestPolicy: "cache-and-network",
  });
  const vote = data?.vote;
  const refetch = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  const counting = vote && vote.status !== "DRAFT" && vote.status !== "CANCELLED";
  const tally = useLiveTally(id, vote?.tally, { pause: !counting, pageStatus: vote?.status, onStatusChange: refetch });
  const left = useTimeLeft(vote?.closesAt, vote?.status === "OPEN");
  const result = vote?.status === "PUBLISHED" ? parseResult(vote.result) : null;

  return (
    <Page
      title={vote?.title ?? t("votes.page.title")}
      description={vote ? electorate(vote) : undefined}
      extra={
        vote?.viewerMayOrganise && (
          <Flex gap={8} wrap>
            <LinkButton to={`/organise/votes/${vote.id}`} icon={<SettingOutlined />}>
              {t("votes.page.manage")}
            </LinkButton>
            <Button href={`/votes/${vote.id}/screen`} target="_blank" icon={<FundProjectionScreenOutlined />}>
              {t("votes.page.projector")}
            </Button>
          </Flex>
        )
      }
    >
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(data)}
        empty={data !== undefined && !vote}
        emptyText={t("votes.page.notFound")}
        onRetry={refetch}
      >
        {vote && (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={13}>
              <Card className="vote-question-card">
                <Flex gap={8} align="center" wrap className="vote-status-line">
                  <VoteStatusTag
                    status={tally?.status === "CLOSED" && vote.status === "OPEN" ? "CLOSED" : vote.status}
                  />
                  {vote.status === "OPEN" && vote.closesAt && (
                    <Typography.Text className="vote-deadline">
                      <ClockCircleOutlined aria-hidden />{" "}
                      {t("votes.page.closesAt", { time: formatDateTime(vote.closesAt) })}
                      {left != null && left > 0 && (
                        <Typography.Text type="secondary">
                          {" "}
                          · {t("votes.page.timeLeft", { left: formatTimeLeft(left) })}
                        </Typography.Text>
                      )}
                    </Typography.Text>
                  )}
                </Flex>
                <Typography.Paragraph className="vote-question" data-testid="vote-question">
                  {vote.question}
                </Typography.Paragraph>
              </Card>
              <CastPanel vote={vote} myStatus={vote.myStatus} />
              {result && (
                <Card title={t("votes.result.title")} className="section-card">
                  <VoteResultView vote={vote} result={result} />
                </Card>
              )}
              {(vote.status === "CLOSED" || vote.status === "PUBLISHED") && <ReceiptCheckBox voteId={vote.id} />}
            </Col>
            <Col xs={24} lg={11}>
              {tally && vote.status !== "PUBLISHED" && (
                <Card
                  title={vote.status === "OPEN" ? t("votes.tally.liveTitle") : t("votes.tally.finalTitle")}
                  className="tally-card"
                >
                  <TallyPanel vote={vote} tally={tally} />
                </Card>
              )}
              <Card title={t("votes.page.rules")} className="section-card">
                <VoteFacts vote={vote} />
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
    </Page>
  );
}
