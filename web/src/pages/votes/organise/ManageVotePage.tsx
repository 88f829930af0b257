import {
  CheckOutlined,
  ClockCircleOutlined,
  FundProjectionScreenOutlined,
  LeftOutlined,
  NotificationOutlined,
  PlayCircleOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Flex, Row, Steps, Typography } from "antd";
import type { ReactNode } from "react";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { useDescribeFailure } from "../../../components/failure";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import { graphql } from "../../../gql";
import type { ManageVoteFieldsFragment, VoteStatus } from "../../../gql/graphql";
import { useAppMutation } from "../../../graphql/outcome";
import { TransitionVoteDocument } from "../documents";
import { parseResult } from "../model";
import { TallyPanel } from "../TallyView";
import { useLiveTally } from "../useLiveTally";
import { useElectorate, VoteFacts, VoteStatusTag } from "../VoteFacts";
import { VoteResultView } from "../VoteResultView";
import { OpenBallotSheet } from "./OpenBallotSheet";
import { PaperBallotForm } from "./PaperBallotForm";
import { useOrganiserScope } from "./scope";

const ManageVoteDocument = graphql(`
  query ManageVote($id: ID!) {
    vote(id: $id) {
      ...ManageVoteFields
    }
  }
`);

function useManagedVote(id: string) {
  const [byId, reexecute] = useQuery({
    query: ManageVoteDocument,
    variables: { id },
    requestPolicy: "cache-and-network",
  });
  return {
    vote: byId.data?.vote ?? null,
    fetching: byId.fetching,
    error: byId.error,
    settled: byId.data !== undefined,
    refetch: reexecute,
  };
}

type Transition = "OPEN" | "SCHEDULED" | "CLOSED" | "PUBLISHED" | "CANCELLED";

const NEXT: Record<VoteStatus, Transition[]> = {
  DRAFT: ["OPEN", "SCHEDULED", "CANCELLED"],
  SCHEDULED: ["OPEN", "CANCELLED"],
  OPEN: ["CLOSED"],
  CLOSED: ["PUBLISHED"],
  PUBLISHED: [],
  CANCELLED: [],
};

const ICONS: Record<Transition, ReactNode> = {
  OPEN: <PlayCircleOutlined />,
  SCHEDULED: <ClockCircleOutlined />,
  CLOSED: <StopOutlined />,
  PUBLISHED: <NotificationOutlined />,
  CANCELLED: <StopOutlined />,
};

/** 管理表决: open, close, publish or cancel it (each confirmed), watch the count, enter paper ballots. */
export function ManageVotePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const scope = useOrganiserScope();
  const electorate = useElectorate();
  const { vote, fetching, error, settled, refetch } = useManagedVote(id);
  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  const counting = vote && vote.status !== "DRAFT" && vote.status !== "CANCELLED";
  const tally = useLiveTally(id, vote?.tally, { pause: !counting, pageStatus: vote?.status, onStatusChange: reload });
  const result = vote && (vote.status === "CLOSED" || vote.status === "PUBLISHED") ? parseResult(vote.result) : null;
  const staffHere = Boolean(
    vote &&
      scope.isStaff &&
      scope.roots.some((root) => root.id === vote.area.id || vote.area.ancestors.some((a) => a.id === root.id)),
  );

  return (
    <Page
      title={vote?.title ?? t("votes.manage.title")}
      description={vote ? electorate(vote) : undefined}
      extra={
        <LinkButton to="/organise/votes" icon={<LeftOutlined />}>
          {t("votes.manage.back")}
        </LinkButton>
      }
    >
      <QueryState
        fetching={fetching}
        error={error}
        hasData={settled}
        empty={settled && !vote}
        emptyText={t("votes.manage.notFound")}
        onRetry={reload}
      >
        {vote && (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={13}>
              <Card title={t("votes.manage.progress")} className="manage-card" data-testid="vote-progress">
                <Flex vertical gap={16}>
                  <Flex gap={8} align="center" wrap>
                    <VoteStatusTag status={vote.status} />
                    {vote.rollSize != null && (
                      <Typography.Text>
                        {t(`votes.facts.rollValue.${vote.countingUnit === "HOUSEHOLD" ? "household" : "person"}`, {
                          count: vote.rollSize,
                        })}
                      </Typography.Text>
                    )}
                  </Flex>
                  <VoteSteps status={vote.status} />
                  {vote.viewerMayOrganise ? (
                    <VoteActions vote={vote} onChanged={reload} />
                  ) : (
                    <Alert type="warning" showIcon title={t("votes.manage.notYours")} />
                  )}
                  {vote.status !== "DRAFT" && (
                    <Flex gap={8} wrap>
                      <Button href={`/votes/${vote.id}/screen`} target="_blank" icon={<FundProjectionScreenOutlined />}>
                        {t("votes.page.projector")}
                      </Button>
                      <LinkButton to={`/votes/${vote.id}`}>{t("votes.manage.residentView")}</LinkButton>
                    </Flex>
                  )}
                </Flex>
              </Card>
              <Card title={t("votes.manage.question")} className="section-card">
                <Typography.Paragraph className="vote-question">{vote.question}</Typography.Paragraph>
                <ol className="plain-list">
                  {vote.options.map((option) => (
                    <li key={option.id}>{option.label}</li>
                  ))}
                </ol>
                <VoteFacts vote={vote} />
              </Card>
              {vote.status === "OPEN" && staffHere && (
                <Card title={t("votes.paper.title")} className="section-card">
                  <PaperBallotForm vote={vote} />
                </Card>
              )}
              {!vote.secret && ["OPEN", "CLOSED", "PUBLISHED"].includes(vote.status) && (
                <Card title={t("votes.sheet.title")} className="section-card">
                  <OpenBallotSheet voteId={vote.id} version={tally?.version ?? null} />
                </Card>
              )}
            </Col>
            <Col xs={24} lg={11}>
              {result && (
                <Card
                  title={vote.status === "PUBLISHED" ? t("votes.result.title") : t("votes.result.unpublishedTitle")}
                  className="manage-card"
                >
                  <VoteResultView vote={vote} result={result} />
                </Card>
              )}
              {tally && !result && (
                <Card
                  title={vote.status === "OPEN" ? t("votes.tally.liveTitle") : t("votes.tally.finalTitle")}
                  className="tally-card"
                >
                  <TallyPanel vote={vote} tally={tally} />
                </Card>
              )}
              {vote.status === "DRAFT" && (
                <Alert type="info" showIcon title={t("votes.manage.draftNote")} className="manage-card" />
              )}
            </Col>
          </Row>
        )}
      </QueryState>
    </Page>
  );
}

function VoteSteps({ status }: { status: VoteStatus }) {
  const { t } = useTranslation();
  if (status === "CANCELLED") return <Alert type="warning" showIcon title={t("votes.manage.cancelled")} />;
  const order: VoteStatus[] = ["DRAFT", "OPEN", "CLOSED", "PUBLISHED"];
  const current = status === "SCHEDULED" ? 0 : order.indexOf(status);
  return (
    <Steps
      size="small"
      current={current}
      responsive={false}
      className="vote-steps"
      items={order.map((s) => ({
        title: s === "DRAFT" && status === "SCHEDULED" ? t("votes.status.SCHEDULED") : t(`votes.status.${s}`),
      }))}
    />
  );
}

function VoteActions({ vote, onChanged }: { vote: ManageVoteFieldsFragment; onChanged(): void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const describe = useDescribeFailure();
  const [state, transition] = useAppMutation(TransitionVoteDocument);
  const scheduled = Boolean(vote.opensAt && vote.closesAt && Date.parse(vote.opensAt) > Date.now());
  const actions = NEXT[vote.status].filter((to) => to !== "SCHEDULED" || scheduled);

  const confirm = (to: Transition) => {
    modal.confirm({
      title: t(`votes.manage.confirm.${to}.title`),
      content: t(`votes.manage.confirm.${to}.body`),
      okText: t(`votes.manage.action.${to}`),
      cancelText: t("common.cancel"),
      okButtonProps: { danger: to === "CLOSED" || to === "CANCELLED", size: "large" },
      cancelButtonProps: { size: "large" },
      onOk: async () => {
        const outcome = await transition({ id: vote.id, to });
        if (outcome.error) {
          message.error(describe(outcome.error));
          return;
        }
        message.success(t(`votes.manage.done.${to}`));
        onChanged();
      },
    });
  };

  if (actions.length === 0) {
    return vote.status === "PUBLISHED" ? (
      <Alert type="success" showIcon icon={<CheckOutlined />} title={t("votes.manage.publishedNote")} />
    ) : null;
  }
  return (
    <Flex gap={8} wrap>
      {actions.map((to) => (
        <Button
          key={to}
          size="large"
          type={to === "CANCELLED" ? "default" : "primary"}
          danger={to === "CLOSED" || to === "CANCELLED"}
          icon={ICONS[to]}
          loading={state.fetching}
          onClick={() => confirm(to)}
        >
          {t(`votes.manage.action.${to}`)}
        </Button>
      ))}
    </Flex>
  );
}
