import { LeftOutlined, PhoneOutlined } from "@ant-design/icons";
import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useQuery, useSubscription } from "urql";
import { addressOf, useFormatDateTime } from "../../../components/format";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import type { DeptSuggestionFragment, DeptTransferDetailFragment } from "../../../gql/graphql";
import { useViewer } from "../../../session/ViewerProvider";
import { formatDay } from "../shared/dates";
import { HandlingHistory } from "../shared/HandlingHistory";
import { PhotoGallery } from "../shared/PhotoGallery";
import { DueTag, SuggestionStatusTag, TransferRoleTag, TransferStatusTag } from "../shared/SuggestionTags";
import { DeptSuggestionLiveDocument, DeptTransferSuggestionDocument } from "./documents";
import { ProgressForm, TransferActions } from "./TransferActions";
import { useTransferSuggestion } from "./useTransferSuggestion";

/** 办理: one transfer to the department — the suggestion, the deputy's instructions, the work on it. Live. */
export function TransferPage() {
  const { t } = useTranslation();
  const { id: departmentId = "", transferId = "" } = useParams();
  const { viewer } = useViewer();
  const grant = viewer.roles.find((r) => r.role === "DEPARTMENT_HANDLER" && r.department?.id === departmentId);
  const located = useTransferSuggestion(departmentId, transferId);
  const suggestionId = located.suggestionId ?? "";
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DeptTransferSuggestionDocument,
    variables: { id: suggestionId },
    requestPolicy: "cache-and-network",
    pause: !suggestionId,
  });
  // Every step by anyone (a deputy adding a department, a co-handler finishing, the resident's
  // rating) arrives with the suggestion as it is now; graphcache puts it on the page.
  useSubscription({ query: DeptSuggestionLiveDocument, variables: { id: suggestionId }, pause: !suggestionId });

  const suggestion = data?.suggestion ?? null;
  const transfer = suggestion?.transfers.find((tr) => tr.id === transferId) ?? null;
  const settled = !located.searching && (located.missing || Boolean(located.error) || data !== undefined);
  const back = (
    <LinkButton to={`/departments/${departmentId}`} icon={<LeftOutlined />}>
      {t("suggestOffice.transfer.back")}
    </LinkButton>
  );

  if (!grant) {
    return (
      <Page title={t("suggestOffice.transfer.title")} extra={back}>
        <Alert type="warning" showIcon title={t("department.notYours")} />
      </Page>
    );
  }

  return (
    <Page
      title={suggestion?.title ?? t("suggestOffice.transfer.title")}
      description={
        transfer
          ? t("suggestOffice.transfer.lead", {
              department: transfer.department.name,
              role: t(`suggestion.transferRole.${transfer.role}`),
            })
          : undefined
      }
      extra={back}
    >
      <QueryState
        fetching={fetching || located.searching}
        error={error ?? located.error}
        hasData={settled}
        empty={settled && (!suggestion || !transfer || transfer.department.id !== departmentId)}
        emptyText={t("suggestOffice.transfer.notFound")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
        rows={8}
      >
        {suggestion && transfer && <TransferView suggestion={suggestion} transfer={transfer} />}
      </QueryState>
    </Page>
  );
}

function TransferView({
  suggestion,
  transfer,
}: {
  suggestion: DeptSuggestionFragment;
  transfer: DeptTransferDetailFragment;
}) {
  const { t } = useTranslation();
  const open = transfer.status === "PENDING" || transfer.status === "IN_PROGRESS";
  const currentRound = transfer.round === suggestion.round;
  const others = suggestion.transfers.filter((tr) => tr.round === transfer.round && tr.id !== transfer.id);
  const replies = suggestion.replies.filter((r) => r.round === transfer.round);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Flex vertical gap={16}>
          <TransferCard suggestion={suggestion} transfer={transfer} />
          <SuggestionCard suggestion={suggestion} />
          <Card
            title={t("suggestOffice.progress.title", { count: transfer.updates.length })}
            className="dt-card"
            data-testid="progress-card"
          >
            <Flex vertical gap={16}>
              {transfer.updates.length === 0 ? (
                <Typography.Text type="secondary">{t("suggestOffice.progress.none")}</Typography.Text>
              ) : (
                <ProgressList updates={transfer.updates} />
              )}
              {transfer.viewerActions.includes("UPDATE") && (
                <div className="dt-progress-new">
                  <Typography.Title level={5}>{t("suggestOffice.progress.new")}</Typography.Title>
                  <ProgressForm transfer={transfer} />
                </div>
              )}
            </Flex>
          </Card>
          {replies.length > 0 && (
            <Card title={t("suggestOffice.transfer.replies")} className="dt-card" data-testid="reply-card">
              <ReplyList replies={replies} ratings={suggestion.ratings.filter((r) => r.round === transfer.round)} />
            </Card>
          )}
        </Flex>
      </Col>
      <Col xs={24} lg={9}>
        <Flex vertical gap={16}>
          <Card title={t("suggestOffice.transfer.coHandlers")} size="small" className="dt-card">
            {others.length === 0 ? (
              <Typography.Text type="secondary">{t("suggestOffice.transfer.onlyUs")}</Typography.Text>
            ) : (
              <ul className="dt-co-list" data-testid="co-handlers">
                {others.map((other) => (
                  <CoHandler key={other.id} transfer={other} />
                ))}
              </ul>
            )}
            {!currentRound && (
              <Typography.Paragraph type="secondary" className="dt-round-note">
                {t("suggestOffice.transfer.pastRound", { round: transfer.round, current: suggestion.round })}
              </Typography.Paragraph>
            )}
            {open && currentRound && suggestion.supervised && (
              <Alert type="warning" showIcon title={t("suggestOffice.transfer.supervisedNote")} />
            )}
          </Card>
          <Card title={t("suggestOffice.transfer.history")} size="small" className="dt-card dt-history">
            <HandlingHistory events={suggestion.history} newestFirst />
          </Card>
        </Flex>
      </Col>
    </Row>
  );
}

/** The transfer itself: where it stands, when it is due, the deputy's instructions, what to do now. */
function TransferCard({
  suggestion,
  transfer,
}: {
  suggestion: DeptSuggestionFragment;
  transfer: DeptTransferDetailFragment;
}) {
  const { t, i18n } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const open = transfer.status === "PENDING" || transfer.status === "IN_PROGRESS";
  const by = transfer.transferredBy.deputyProfile?.name ?? transfer.transferredBy.displayName;
  return (
    <Card
      className={`dt-card dt-transfer${transfer.overdue ? " is-overdue" : ""}`}
      title={t("suggestOffice.transfer.ourTask")}
      data-testid="transfer-card"
    >
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <TransferStatusTag status={transfer.status} />
          <TransferRoleTag role={transfer.role} />
          <SuggestionStatusTag status={suggestion.status} />
          {suggestion.supervised && <Tag color="volcano">{t("suggestion.supervised")}</Tag>}
          {transfer.round > 1 && <Tag>{t("suggestion.round", { round: transfer.round })}</Tag>}
        </Flex>
        <Flex gap={8} align="center" wrap className="dt-due">
          {open && (
            <DueTag overdue={transfer.overdue} dueSoon={transfer.dueSoon} workingDaysLeft={transfer.workingDaysLeft} />
          )}
          <Typography.Text strong={open} type={transfer.overdue ? "danger" : undefined}>
            {t("suggestion.due.dueOn", { date: formatDay(transfer.dueOn, i18n.language) })}
          </Typography.Text>
          {open && (
            <Typography.Text type="secondary" className="dt-due-note">
              {t("suggestOffice.transfer.workingDaysNote")}
            </Typography.Text>
          )}
        </Flex>
        <div className="dt-note">
          <Typography.Text type="secondary" className="dt-note-label">
            {t("suggestOffice.transfer.note", { name: by })}
          </Typography.Text>
          <Typography.Paragraph className="dt-note-text">
            {transfer.note || t("suggestOffice.transfer.noNote")}
          </Typography.Paragraph>
          <Typography.Text type="secondary" className="dt-note-time">
            {t("suggestOffice.transfer.transferredAt", { time: formatDateTime(transfer.transferredAt) })}
          </Typography.Text>
        </div>
        {transfer.status === "RETURNED" && (
          <Alert
            type="warning"
            showIcon
            title={t("suggestOffice.transfer.returnedAt", {
              time: transfer.returnedAt ? formatDateTime(transfer.returnedAt) : "",
            })}
            description={transfer.returnReason}
          />
        )}
        {transfer.status === "DONE" && (
          <Alert
            type="success"
            showIcon
            title={t("suggestOffice.transfer.doneAt", {
              time: transfer.completedAt ? formatDateTime(transfer.completedAt) : "",
            })}
          />
        )}
        <TransferActions suggestion={suggestion} transfer={transfer} />
      </Flex>
    </Card>
  );
}

/** What the resident asked, with where and who to call back. */
function SuggestionCard({ suggestion }: { suggestion: DeptSuggestionFragment }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const address = addressOf(suggestion.area.ancestors, suggestion.area.name);
  return (
    <Card title={t("suggestOffice.transfer.suggestion")} className="dt-card" data-testid="suggestion-card">
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Tag color="blue">{t(`suggestion.category.${suggestion.category}`)}</Tag>
          <Tag>{t(`suggestion.channel.${suggestion.channel}`)}</Tag>
        </Flex>
        <Typography.Paragraph className="dt-content">{suggestion.content}</Typography.Paragraph>
        <PhotoGallery photos={suggestion.attachments} />
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            ...(suggestion.place
              ? [{ key: "place", label: t("suggestOffice.transfer.place"), children: suggestion.place }]
              : []),
            { key: "area", label: t("suggestOffice.transfer.area"), children: address || suggestion.area.name },
            { key: "post", label: t("suggestOffice.transfer.post"), children: suggestion.post.name },
            {
              key: "received",
              label: t("suggestOffice.transfer.received"),
              children: formatDateTime(suggestion.createdAt),
            },
            ...(suggestion.submitterName || suggestion.submitterPhone
              ? [
                  {
                    key: "submitter",
                    label: t("suggestOffice.transfer.submitter"),
                    children: (
                      <Flex gap={8} wrap align="center">
                        {suggestion.submitterName && <span>{suggestion.submitterName}</span>}
                        {suggestion.submitterPhone && (
                          <Typography.Link href={`tel:${suggestion.submitterPhone}`} className="dt-phone">
                            <PhoneOutlined aria-hidden /> {suggestion.submitterPhone}
                          </Typography.Link>
                        )}
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {(suggestion.submitterName || suggestion.submitterPhone) && (
          <Typography.Text type="secondary" className="privacy-note">
            {t("suggestOffice.transfer.privacy")}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

function CoHandler({ transfer }: { transfer: DeptTransferDetailFragment }) {
  const { t, i18n } = useTranslation();
  const open = transfer.status === "PENDING" || transfer.status === "IN_PROGRESS";
  return (
    <li className="dt-co">
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{transfer.department.name}</Typography.Text>
        <TransferRoleTag role={transfer.role} />
        <TransferStatusTag status={transfer.status} />
      </Flex>
      <Flex gap={6} align="center" wrap className="dt-co-meta">
        {open && (
          <DueTag overdue={transfer.overdue} dueSoon={transfer.dueSoon} workingDaysLeft={transfer.workingDaysLeft} />
        )}
        <Typography.Text type="secondary">
          {t("suggestion.due.dueOn", { date: formatDay(transfer.dueOn, i18n.language, false) })}
        </Typography.Text>
      </Flex>
      {transfer.department.contact && (
        <Typography.Text type="secondary" className="dt-co-contact">
          {t("department.contact")}：{transfer.department.contact}
        </Typography.Text>
      )}
      {transfer.status === "RETURNED" && transfer.returnReason && (
        <Typography.Text type="secondary" className="dt-co-contact">
          {t("suggestOffice.transfer.theirReturn", { reason: transfer.returnReason })}
        </Typography.Text>
      )}
    </li>
  );
}

function ProgressList({ updates }: { updates: DeptTransferDetailFragment["updates"] }) {
  const formatDateTime = useFormatDateTime();
  return (
    <ol className="dt-progress-list" data-testid="progress-list">
      {[...updates].reverse().map((update) => (
        <li key={update.id} className="dt-progress-item">
          <Typography.Text type="secondary" className="dt-progress-time">
            <time dateTime={update.createdAt}>{formatDateTime(update.createdAt)}</time>
          </Typography.Text>
          <Typography.Paragraph className="dt-progress-body">{update.body}</Typography.Paragraph>
          <PhotoGallery photos={update.attachments} />
        </li>
      ))}
    </ol>
  );
}

function ReplyList({
  replies,
  ratings,
}: {
  replies: DeptSuggestionFragment["replies"];
  ratings: DeptSuggestionFragment["ratings"];
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (!replies.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Flex vertical gap={12}>
      {replies.map((reply) => (
        <div key={reply.id} className="dt-reply">
          <Typography.Text type="secondary">
            {t("suggestOffice.transfer.repliedBy", {
              who: reply.department?.name ?? t("suggestion.actorRole.DEPUTY"),
              time: formatDateTime(reply.createdAt),
            })}
          </Typography.Text>
          <Typography.Paragraph className="dt-content">{reply.body}</Typography.Paragraph>
        </div>
      ))}
      {ratings.map((rating) => (
        <div key={rating.id} className="dt-rating" data-testid="rating">
          <Tag color={rating.satisfaction === "UNSATISFIED" ? "red" : "green"}>
            {t("suggestOffice.transfer.rating", { satisfaction: t(`suggestion.satisfaction.${rating.satisfaction}`) })}
          </Tag>
          {rating.comment && <Typography.Text>{rating.comment}</Typography.Text>}
        </div>
      ))}
    </Flex>
  );
}
