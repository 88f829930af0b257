import { BellFilled, BellOutlined, LoginOutlined, ToolOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Flex, Result, Row, Tag, Typography } from "antd";
import { useCallback, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { useQuery, useSubscription } from "urql";
import { useDescribeFailure } from "../../../components/failure";
import { useFormatDateTime } from "../../../components/format";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import type { SuggestionDetailFieldsFragment } from "../../../gql/graphql";
import { useAppMutation } from "../../../graphql/outcome";
import { useSession } from "../../../session/SessionProvider";
import { useViewer, type Viewer } from "../../../session/ViewerProvider";
import { PhotoGallery } from "../shared/PhotoGallery";
import { ConsentButton, PublicationState } from "../shared/Publication";
import { PublicTimeline } from "../shared/PublicTimeline";
import { DueTag, SuggestionStatusTag, TransferRoleTag, TransferStatusTag } from "../shared/SuggestionTags";
import { FollowSuggestionDocument, SuggestionDetailChangedDocument, SuggestionDetailDocument } from "./documents";
import { formatDate, isRowId } from "./model";
import { RatePanel } from "./RatePanel";

type Detail = SuggestionDetailFieldsFragment;

/** Where someone who handles the suggestion does their part, if they are more than its submitter. */
function workplaceOf(suggestion: Detail, viewer: Viewer): string | null {
  if (!suggestion.viewerIsHandler) return null;
  const deputyHere = viewer.roles.some((r) => r.role === "DEPUTY" && r.post?.id === suggestion.post.id);
  if (deputyHere) return `/workbench/suggestions/${suggestion.id}`;
  const myDepartments = new Set(
    viewer.roles.flatMap((r) => (r.role === "DEPARTMENT_HANDLER" && r.department ? [r.department.id] : [])),
  );
  // The department's newest transfer of it: the current round's, if there is one.
  const transfer = [...suggestion.transfers].reverse().find((tr) => myDepartments.has(tr.department.id));
  if (transfer) return `/departments/${transfer.department.id}/transfers/${transfer.id}`;
  if (viewer.isStaff) return `/workbench/suggestions/${suggestion.id}`;
  return null;
}

/** Keeps the page current: refetches on every change the server announces, and after a reconnect. */
function useLiveSuggestion(id: string, listening: boolean, refetch: () => void) {
  const session = useSession();
  const [{ data }] = useSubscription({ query: SuggestionDetailChangedDocument, variables: { id }, pause: !listening });
  const change = data?.suggestionChanged;
  useEffect(() => {
    if (change) refetch();
  }, [change, refetch]);
  useEffect(() => (listening ? session.onReconnected(refetch) : undefined), [listening, session, refetch]);
}

/**
 * One suggestion, for everyone who may read it: the public record (what, where, status, timeline,
 * replies) when it is public; its submitter also sees it before it is public, their photos, their
 * rating and the rating form; people handling it get a way to their workbench.
 */
export function SuggestionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const { viewer } = useViewer();
  const validId = isRowId(id);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SuggestionDetailDocument,
    variables: { id },
    pause: !validId,
    requestPolicy: "cache-and-network",
  });
  const refetch = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  const suggestion = data?.suggestion;
  useLiveSuggestion(id, Boolean(suggestion), refetch);
  const justSubmitted = (location.state as { submitted?: boolean } | null)?.submitted === true;
  const canRate = Boolean(suggestion?.viewerActions.includes("RATE"));
  // From "请评价" in 我的建议: bring the rating form into view once it is there.
  useEffect(() => {
    if (canRate && location.hash === "#rate") document.getElementById("rate")?.scrollIntoView({ block: "start" });
  }, [canRate, location.hash]);

  if (!validId || (data && !suggestion)) {
    return (
      <Page title={t("suggestResident.detail.title")}>
        <Result
          status="404"
          title={t("suggestResident.detail.notFound")}
          subTitle={viewer.signedIn ? t("suggestResident.detail.notFoundHint") : t("suggestResident.detail.signInHint")}
          extra={
            <Flex gap={12} wrap justify="center">
              {!viewer.signedIn && (
                <LinkButton
                  to="/sign-in"
                  state={{ from: location.pathname }}
                  type="primary"
                  size="large"
                  icon={<LoginOutlined />}
                >
                  {t("auth.signIn")}
                </LinkButton>
              )}
              <LinkButton to="/suggestions" size="large">
                {t("suggestResident.detail.toBoard")}
              </LinkButton>
            </Flex>
          }
        />
      </Page>
    );
  }

  const workplace = suggestion ? workplaceOf(suggestion, viewer) : null;
  return (
    <Page
      title={suggestion?.title ?? t("suggestResident.detail.title")}
      extra={
        suggestion && (
          <Flex gap={8} wrap>
            {workplace && (
              <LinkButton to={workplace} type="primary" size="large" icon={<ToolOutlined />} data-testid="handle-link">
                {t("suggestResident.detail.handle")}
              </LinkButton>
            )}
            <FollowButton suggestion={suggestion} onChanged={refetch} />
          </Flex>
        )
      }
    >
      <QueryState fetching={fetching} error={error} hasData={Boolean(suggestion)} onRetry={refetch} rows={8}>
        {suggestion && (
          <>
            {justSubmitted && suggestion.viewerIsSubmitter && (
              <Alert
                type="success"
                showIcon
                closable
                className="form-note"
                title={t("suggestResident.detail.submittedTitle")}
                description={t("suggestResident.detail.submittedText", { post: suggestion.post.name })}
                data-testid="submitted-banner"
              />
            )}
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <SuggestionFacts suggestion={suggestion} />
                {suggestion.status === "DECLINED" && (
                  <Alert
                    type="warning"
                    showIcon
                    className="section-card"
                    title={t("suggestResident.detail.declined")}
                    description={suggestion.declineReason}
                  />
                )}
                {canRate && <RatePanel suggestionId={suggestion.id} />}
                <Replies suggestion={suggestion} />
                {suggestion.viewerIsSubmitter && <MyRatings suggestion={suggestion} />}
                {suggestion.viewerIsSubmitter && <Handling suggestion={suggestion} />}
              </Col>
              <Col xs={24} lg={10}>
                <Card title={t("suggestResident.detail.timeline")} className="section-card timeline-card">
                  <PublicTimeline
                    events={suggestion.timeline}
                    channel={suggestion.channel}
                    status={suggestion.status}
                  />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </QueryState>
    </Page>
  );
}

function SuggestionFacts({ suggestion }: { suggestion: Detail }) {
  const { t, i18n } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <Card className="section-card suggestion-facts" data-testid="suggestion-facts">
      <Flex gap={8} align="center" wrap className="suggestion-status-line">
        <SuggestionStatusTag status={suggestion.status} />
        <Tag className="category-tag">{t(`suggestion.category.${suggestion.category}`)}</Tag>
        {suggestion.supervised && <Tag color="volcano">{t("suggestion.supervised")}</Tag>}
        <DueTag
          overdue={suggestion.overdue}
          dueSoon={suggestion.dueSoon}
          workingDaysLeft={suggestion.workingDaysLeft}
        />
      </Flex>
      <Typography.Paragraph className="suggestion-content" data-testid="suggestion-content">
        {suggestion.content}
      </Typography.Paragraph>
      {suggestion.attachments.length > 0 && (
        <div className="suggestion-photos">
          <PhotoGallery photos={suggestion.attachments} />
          <Typography.Text type="secondary" className="suggestion-photos-note">
            {t("suggestResident.detail.photosPrivate")}
          </Typography.Text>
        </div>
      )}
      <Descriptions
        column={1}
        size="small"
        className="suggestion-descriptions"
        items={[
          {
            key: "area",
            label: t("suggestResident.detail.area"),
            children: suggestion.place ? `${suggestion.area.name} · ${suggestion.place}` : suggestion.area.name,
          },
          { key: "post", label: t("suggestResident.detail.post"), children: suggestion.post.name },
          {
            key: "received",
            label: t("suggestResident.detail.received"),
            children: `${formatDateTime(suggestion.createdAt)} · ${t(`suggestion.channel.${suggestion.channel}`)}`,
          },
          ...(suggestion.dueOn
            ? [
                {
                  key: "due",
                  label: t("suggestResident.detail.due"),
                  children: formatDate(suggestion.dueOn, i18n.language),
                },
              ]
            : []),
          ...(suggestion.closedAt
            ? [
                {
                  key: "closed",
                  label: t("suggestResident.detail.closed"),
                  children: formatDateTime(suggestion.closedAt),
                },
              ]
            : []),
          { key: "number", label: t("suggestResident.detail.number"), children: suggestion.id },
        ]}
      />
      {suggestion.viewerIsSubmitter && (
        <Flex
          gap={12}
          wrap
          align="center"
          justify="space-between"
          className="publication-note"
          data-testid="publication-note"
        >
          <PublicationState suggestion={suggestion} />
          <ConsentButton suggestion={suggestion} />
        </Flex>
      )}
    </Card>
  );
}

function Replies({ suggestion }: { suggestion: Detail }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (!suggestion.replies.length) return null;
  const rounds = suggestion.replies.length > 1 || suggestion.supervised;
  return (
    <Card title={t("suggestResident.detail.replies")} className="section-card replies-card" data-testid="replies">
      <Flex vertical gap={16}>
        {suggestion.replies.map((reply) => (
          <article key={reply.id} className="reply">
            <Flex gap={8} wrap align="center" className="reply-head">
              {rounds && <Tag>{t("suggestion.round", { round: reply.round })}</Tag>}
              <Typography.Text strong>
                {reply.department
                  ? t("suggestResident.detail.replyBy", { department: reply.department.name })
                  : t("suggestResident.detail.replyByDeputy")}
              </Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(reply.createdAt)}</Typography.Text>
            </Flex>
            <Typography.Paragraph className="reply-body">{reply.body}</Typography.Paragraph>
          </article>
        ))}
      </Flex>
    </Card>
  );
}

/** The submitter's own ratings (others never see them; the timeline only says it was rated). */
function MyRatings({ suggestion }: { suggestion: Detail }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (!suggestion.ratings.length) return null;
  return (
    <Card title={t("suggestResident.detail.myRatings")} className="section-card" data-testid="my-ratings">
      <Flex vertical gap={12}>
        {suggestion.ratings.map((rating) => (
          <div key={rating.id}>
            <Flex gap={8} wrap align="center">
              {suggestion.ratings.length > 1 && <Tag>{t("suggestion.round", { round: rating.round })}</Tag>}
              <Tag color={rating.satisfaction === "UNSATISFIED" ? "red" : "green"}>
                {t(`suggestion.satisfaction.${rating.satisfaction}`)}
              </Tag>
              <Typography.Text type="secondary">{formatDateTime(rating.createdAt)}</Typography.Text>
            </Flex>
            {rating.comment && <Typography.Paragraph className="rating-comment">{rating.comment}</Typography.Paragraph>}
          </div>
        ))}
      </Flex>
    </Card>
  );
}

/** For the submitter: which departments are working on it now, and by when. */
function Handling({ suggestion }: { suggestion: Detail }) {
  const { t, i18n } = useTranslation();
  const live = suggestion.currentTransfers.filter((tr) => tr.status !== "RETURNED");
  if (!live.length || suggestion.status === "CLOSED") return null;
  return (
    <Card title={t("suggestResident.detail.handling")} className="section-card" data-testid="handling">
      <Flex vertical gap={12}>
        {live.map((transfer) => (
          <Flex key={transfer.id} gap={8} wrap align="center" justify="space-between">
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{transfer.department.name}</Typography.Text>
              <TransferRoleTag role={transfer.role} />
              <TransferStatusTag status={transfer.status} />
            </Flex>
            {(transfer.status === "PENDING" || transfer.status === "IN_PROGRESS") && (
              <Typography.Text type="secondary">
                {t("suggestion.due.dueOn", { date: formatDate(transfer.dueOn, i18n.language) })}
              </Typography.Text>
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

function FollowButton({ suggestion, onChanged }: { suggestion: Detail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { viewer } = useViewer();
  const describe = useDescribeFailure();
  const [state, follow] = useAppMutation(FollowSuggestionDocument);
  // Anonymous readers cannot follow. The submitter follows from the start; no button invites them
  // to stop hearing about their own suggestion (they may follow again if they once stopped).
  if (!viewer.signedIn || (suggestion.viewerIsSubmitter && suggestion.viewerFollows)) return null;
  const following = suggestion.viewerFollows;
  const toggle = async () => {
    const outcome = await follow({ id: suggestion.id, follow: !following });
    if (outcome.error) {
      message.error(describe(outcome.error));
      return;
    }
    message.success(outcome.data ? t("suggestResident.detail.followed") : t("suggestResident.detail.unfollowed"));
    onChanged();
  };
  return (
    <Button
      size="large"
      icon={following ? <BellFilled /> : <BellOutlined />}
      loading={state.fetching}
      onClick={() => void toggle()}
      aria-pressed={following}
      data-testid="follow-button"
    >
      {following ? t("suggestResident.detail.unfollow") : t("suggestResident.detail.follow")}
    </Button>
  );
}
