import {
  CheckOutlined,
  CloseOutlined,
  LeftOutlined,
  MessageOutlined,
  PhoneOutlined,
  PlusOutlined,
  SendOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Tag, Typography } from "antd";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useQuery, useSubscription } from "urql";
import { useDescribeFailure } from "../../../components/failure";
import { addressOf, useFormatDateTime } from "../../../components/format";
import { LinkButton } from "../../../components/LinkButton";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import type {
  HandleSuggestionFragment,
  HandleTransferFragment,
  SuggestionAction,
  SuggestionStatus,
} from "../../../gql/graphql";
import type { AppFailure } from "../../../graphql/outcome";
import { useSession } from "../../../session/SessionProvider";
import { formatDay, formatTimeSpan } from "../shared/dates";
import { HandlingHistory } from "../shared/HandlingHistory";
import { PhotoGallery } from "../shared/PhotoGallery";
import { HideControls, PublicationState } from "../shared/Publication";
import { DueTag, SuggestionStatusTag, TransferRoleTag, TransferStatusTag } from "../shared/SuggestionTags";
import { HandleSuggestionDocument, SuggestionChangedDocument } from "./documents";
import { PhoneRatingDialog } from "./PhoneRatingDialog";
import { type Step, StepDialog } from "./StepDialog";
import { TransferDialog } from "./TransferDialog";

type Dialog = Step | "TRANSFER" | "ADD" | "PHONE_RATING";

/** The buttons, in the order a handler meets them. */
const ACTION_ORDER: SuggestionAction[] = [
  "ACCEPT",
  "TRANSFER",
  "ADD_TRANSFER",
  "REPLY",
  "RATE_BY_PHONE",
  "CLOSE",
  "DECLINE",
];

/**
 * 办理建议: everything a handler (a deputy of the post, or staff of its area) needs about one
 * suggestion — what was asked, by whom and how to call them back, where it stands with each
 * department, the full handling record — and the steps they may take now (`viewerActions`, the
 * server's own rules). Kept live: any change by anyone reloads it.
 */
export function HandleSuggestionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const session = useSession();
  const describe = useDescribeFailure();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: HandleSuggestionDocument,
    variables: { id },
    requestPolicy: "cache-and-network",
  });
  const reload = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  useEffect(() => session.onReconnected(reload), [session, reload]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [race, setRace] = useState<AppFailure | null>(null);
  const suggestion = data?.suggestion ?? null;

  // Live: every step by anyone (a department signing for it, a second deputy) reloads the page.
  // Changes right after one's own step are its echo and pass silently.
  const ownStepAt = useRef(0);
  const [live] = useSubscription(
    { query: SuggestionChangedDocument, variables: { id }, pause: !suggestion?.viewerIsHandler },
    (previous: { seq: number; kind: string } | undefined, next) => ({
      seq: (previous?.seq ?? 0) + 1,
      kind: next.suggestionChanged.kind,
    }),
  );
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);
  const seq = live.data?.seq;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per event
  useEffect(() => {
    if (!seq) return;
    clearTimeout(timer.current ?? undefined);
    timer.current = setTimeout(reload, 250);
    if (Date.now() - ownStepAt.current > 4000 && !dialog) {
      message.info({ content: t("suggestDeputy.handle.changedElsewhere"), key: "suggestion-changed" });
    }
  }, [seq]);

  const done = () => {
    ownStepAt.current = Date.now();
    setDialog(null);
    setRace(null);
  };
  const raced = (failure: AppFailure) => {
    setDialog(null);
    setRace(failure);
    reload();
  };

  return (
    <Page
      title={suggestion?.title ?? t("suggestDeputy.handle.title")}
      description={suggestion ? <span>{`#${suggestion.id} · ${suggestion.post.name}`}</span> : undefined}
      extra={
        <LinkButton to="/workbench" icon={<LeftOutlined />}>
          {t("suggestDeputy.handle.back")}
        </LinkButton>
      }
    >
      <QueryState
        fetching={fetching}
        error={error}
        hasData={data !== undefined}
        empty={data !== undefined && !suggestion}
        emptyText={t("suggestDeputy.handle.notFound")}
        onRetry={reload}
      >
        {suggestion && !suggestion.viewerIsHandler && (
          <Alert
            type="info"
            showIcon
            title={t("suggestDeputy.handle.notHandler")}
            action={
              <LinkButton to={`/suggestions/${suggestion.id}`}>{t("suggestDeputy.handle.publicView")}</LinkButton>
            }
          />
        )}
        {suggestion?.viewerIsHandler && (
          <>
            {race && (
              <Alert
                type="warning"
                showIcon
                closable={{ onClose: () => setRace(null) }}
                className="form-note"
                role="alert"
                data-testid="race-alert"
                title={t("suggestDeputy.handle.raceTitle")}
                description={describe(race)}
              />
            )}
            <div className="handle-layout">
              <div className="handle-content">
                <ContentCard suggestion={suggestion} />
              </div>
              <aside className="handle-side">
                <ActionsCard suggestion={suggestion} onOpen={setDialog} />
                <SubmitterCard suggestion={suggestion} />
              </aside>
              <div className="handle-progress">
                <TransfersCard suggestion={suggestion} />
                <RepliesCard suggestion={suggestion} />
                <Card title={t("suggestDeputy.handle.history")} className="section-card" data-testid="history">
                  <HandlingHistory events={suggestion.history} />
                </Card>
              </div>
            </div>
            {(dialog === "TRANSFER" || dialog === "ADD") && (
              <TransferDialog
                suggestion={suggestion}
                mode={dialog}
                onClose={() => setDialog(null)}
                onDone={done}
                onRace={raced}
              />
            )}
            {dialog === "PHONE_RATING" && (
              <PhoneRatingDialog suggestion={suggestion} onClose={() => setDialog(null)} onDone={done} onRace={raced} />
            )}
            {dialog && dialog !== "TRANSFER" && dialog !== "ADD" && dialog !== "PHONE_RATING" && (
              <StepDialog
                step={dialog}
                suggestion={suggestion}
                onClose={() => setDialog(null)}
                onDone={done}
                onRace={raced}
              />
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}

function StatusLine({ suggestion }: { suggestion: HandleSuggestionFragment }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} wrap align="center" className="handle-status-line">
      <SuggestionStatusTag status={suggestion.status} />
      <DueTag overdue={suggestion.overdue} dueSoon={suggestion.dueSoon} workingDaysLeft={suggestion.workingDaysLeft} />
      {suggestion.supervised && (
        <Tag color="volcano">
          {t("suggestion.supervised")} · {t("suggestion.round", { round: suggestion.round })}
        </Tag>
      )}
      <Tag>{t(`suggestion.category.${suggestion.category}`)}</Tag>
    </Flex>
  );
}

function ContentCard({ suggestion }: { suggestion: HandleSuggestionFragment }) {
  const { t, i18n } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const s = suggestion;
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: "category", label: t("suggestDeputy.handle.category"), children: t(`suggestion.category.${s.category}`) },
    ...(s.place ? [{ key: "place", label: t("suggestDeputy.handle.place"), children: s.place }] : []),
    { key: "area", label: t("suggestDeputy.handle.area"), children: addressOf(s.area.ancestors, s.area.name) },
    {
      key: "post",
      label: t("suggestDeputy.handle.post"),
      children: s.post.name,
    },
    {
      key: "channel",
      label: t("suggestDeputy.handle.channel"),
      children: s.receptionDay
        ? `${t(`suggestion.channel.${s.channel}`)}（${formatTimeSpan(s.receptionDay.startsAt, s.receptionDay.endsAt, i18n.language)}）`
        : t(`suggestion.channel.${s.channel}`),
    },
    { key: "createdAt", label: t("suggestDeputy.handle.createdAt"), children: formatDateTime(s.createdAt) },
    ...(s.acceptedAt
      ? [{ key: "acceptedAt", label: t("suggestDeputy.handle.acceptedAt"), children: formatDateTime(s.acceptedAt) }]
      : []),
    ...(s.dueOn
      ? [{ key: "dueOn", label: t("suggestDeputy.handle.dueOn"), children: formatDay(s.dueOn, i18n.language) }]
      : []),
    ...(s.closedAt
      ? [{ key: "closedAt", label: t("suggestDeputy.handle.closedAt"), children: formatDateTime(s.closedAt) }]
      : []),
    {
      key: "publish",
      label: t("suggestDeputy.handle.publish"),
      children: (
        <Flex vertical gap={6} align="flex-start">
          <PublicationState suggestion={s} />
          <HideControls suggestion={s} />
        </Flex>
      ),
    },
  ];
  return (
    <Card className="section-card handle-content-card" data-testid="suggestion-content">
      <Flex vertical gap={12}>
        <StatusLine suggestion={s} />
        <Typography.Paragraph className="handle-body">{s.content}</Typography.Paragraph>
        {s.attachments.length > 0 && <PhotoGallery photos={s.attachments} />}
        {s.status === "DECLINED" && s.declineReason && (
          <Alert
            type="warning"
            showIcon
            title={t("suggestDeputy.handle.declineReason")}
            description={s.declineReason}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 1, xxl: 2 }} items={items} className="handle-facts" />
      </Flex>
    </Card>
  );
}

const ACTION_ICONS: Record<SuggestionAction, ReactNode> = {
  ACCEPT: <CheckOutlined />,
  DECLINE: <StopOutlined />,
  TRANSFER: <SendOutlined />,
  ADD_TRANSFER: <PlusOutlined />,
  REPLY: <MessageOutlined />,
  CLOSE: <CheckOutlined />,
  RATE_BY_PHONE: <PhoneOutlined />,
  RATE: null,
};

const DIALOG_OF: Partial<Record<SuggestionAction, Dialog>> = {
  ACCEPT: "ACCEPT",
  DECLINE: "DECLINE",
  TRANSFER: "TRANSFER",
  ADD_TRANSFER: "ADD",
  REPLY: "REPLY",
  RATE_BY_PHONE: "PHONE_RATING",
  CLOSE: "CLOSE",
};

/** Statuses where nothing is left to do by anyone. */
const FINAL: SuggestionStatus[] = ["CLOSED", "DECLINED"];

function ActionsCard({ suggestion, onOpen }: { suggestion: HandleSuggestionFragment; onOpen(dialog: Dialog): void }) {
  const { t, i18n } = useTranslation();
  const actions = ACTION_ORDER.filter((a) => suggestion.viewerActions.includes(a));
  const primary = actions.find((a) => a !== "DECLINE" && a !== "ADD_TRANSFER");
  // A replied suggestion waits for a rating: online from a resident with an account, by the
  // deputy's call from one without; unrated, it may be closed from `unratedCloseFrom` on.
  const noAccount = !suggestion.submitter;
  const closeFrom = suggestion.unratedCloseFrom ? formatDay(suggestion.unratedCloseFrom, i18n.language) : "";
  return (
    <Card title={t("suggestDeputy.handle.actions")} className="section-card handle-actions" data-testid="actions">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary" className="handle-next" data-testid="next-step">
          {suggestion.status === "REPLIED" && noAccount
            ? t("suggestDeputy.handle.next.REPLIED_NO_ACCOUNT")
            : t(`suggestDeputy.handle.next.${suggestion.status}`)}
        </Typography.Text>
        {suggestion.status === "REPLIED" && closeFrom && (
          <Alert
            type="info"
            showIcon
            data-testid="close-rule"
            title={t(noAccount ? "suggestDeputy.handle.closeRuleNoAccount" : "suggestDeputy.handle.closeRule", {
              date: closeFrom,
            })}
          />
        )}
        {actions.length > 0 ? (
          <Flex vertical gap={8}>
            {actions.map((action) => {
              const dialog = DIALOG_OF[action];
              if (!dialog) return null;
              return (
                <Button
                  key={action}
                  block
                  size="large"
                  type={action === primary ? "primary" : "default"}
                  danger={action === "DECLINE"}
                  icon={ACTION_ICONS[action]}
                  onClick={() => onOpen(dialog)}
                >
                  {t(`suggestDeputy.handle.action.${action as Exclude<SuggestionAction, "RATE">}`)}
                </Button>
              );
            })}
          </Flex>
        ) : (
          !FINAL.includes(suggestion.status) && (
            <Typography.Text className="handle-waiting" data-testid="waiting">
              {t(`suggestDeputy.handle.waiting.${suggestion.status}`, { date: closeFrom })}
            </Typography.Text>
          )
        )}
      </Flex>
    </Card>
  );
}

function SubmitterCard({ suggestion }: { suggestion: HandleSuggestionFragment }) {
  const { t } = useTranslation();
  const phone = suggestion.submitterPhone;
  return (
    <Card title={t("suggestDeputy.handle.submitter")} className="section-card" data-testid="submitter">
      <Flex vertical gap={8}>
        <Typography.Text strong className="person-name">
          {suggestion.submitterName ?? t("suggestDeputy.handle.noName")}
        </Typography.Text>
        {phone ? (
          <Button href={`tel:${phone}`} icon={<PhoneOutlined />} size="large" className="handle-call">
            {phone}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t("suggestDeputy.handle.noPhone")}</Typography.Text>
        )}
        <Typography.Text type="secondary">
          {suggestion.submitter ? t("suggestDeputy.handle.linked") : t("suggestDeputy.handle.notLinked")}
        </Typography.Text>
        <Typography.Text type="secondary" className="privacy-note">
          {t("suggestDeputy.handle.private")}
        </Typography.Text>
        <TextMessages texts={suggestion.textMessages} />
      </Flex>
    </Card>
  );
}

/**
 * The text messages to a submitter without an account and whether they went out: one that failed
 * for good is a call the deputy still owes the resident.
 */
function TextMessages({ texts }: { texts: HandleSuggestionFragment["textMessages"] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (!texts.length) return null;
  const statusColor = { PENDING: "processing", SENT: "success", FAILED: "error" } as const;
  return (
    <section aria-label={t("suggestDeputy.handle.texts")} data-testid="text-messages">
      <Typography.Text strong>{t("suggestDeputy.handle.texts")}</Typography.Text>
      <Flex vertical gap={6} className="handle-texts">
        {texts.map((text) => {
          const kind = t(`suggestDeputy.handle.textKind.${text.kind}`);
          return (
            <Flex key={text.id} vertical gap={4}>
              <Flex gap={6} wrap align="center">
                <Tag color={statusColor[text.status]}>{t(`suggestDeputy.handle.textStatus.${text.status}`)}</Tag>
                <span>{kind}</span>
                <Typography.Text type="secondary">{formatDateTime(text.createdAt)}</Typography.Text>
              </Flex>
              {text.status === "FAILED" && (
                <Alert
                  type="error"
                  showIcon
                  title={t("suggestDeputy.handle.textFailed", { kind, attempts: text.attempts })}
                />
              )}
              {text.status === "PENDING" && text.attempts > 0 && (
                <Typography.Text type="warning">
                  {t("suggestDeputy.handle.textRetrying", { attempts: text.attempts })}
                </Typography.Text>
              )}
            </Flex>
          );
        })}
      </Flex>
    </section>
  );
}

function TransfersCard({ suggestion }: { suggestion: HandleSuggestionFragment }) {
  const { t } = useTranslation();
  const rounds = [...new Set(suggestion.transfers.map((tr) => tr.round))].sort((a, b) => b - a);
  return (
    <Card title={t("suggestDeputy.handle.transfers")} className="section-card" data-testid="transfers">
      {rounds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("suggestDeputy.handle.noTransfers")} />
      ) : (
        <Flex vertical gap={16}>
          {rounds.map((round) => (
            <section key={round} aria-label={t("suggestion.round", { round })}>
              {rounds.length > 1 || round > 1 ? (
                <Typography.Title level={5} className="handle-round-title">
                  {t("suggestion.round", { round })}
                  {round === suggestion.round && ` · ${t("suggestDeputy.handle.currentRound")}`}
                </Typography.Title>
              ) : null}
              <Flex vertical gap={10}>
                {suggestion.transfers
                  .filter((tr) => tr.round === round)
                  .map((transfer) => (
                    <TransferItem key={transfer.id} transfer={transfer} />
                  ))}
              </Flex>
            </section>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function TransferItem({ transfer }: { transfer: HandleTransferFragment }) {
  const { t, i18n } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <div className={`handle-transfer is-${transfer.status.toLowerCase()}`} data-testid="transfer-item">
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical gap={2} className="handle-transfer-main">
          <Typography.Text strong className="handle-transfer-name">
            {transfer.department.name}
          </Typography.Text>
          {transfer.department.contact && (
            <Typography.Text type="secondary">
              {t("suggestDeputy.handle.contact", { contact: transfer.department.contact })}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={4} wrap>
          <TransferRoleTag role={transfer.role} />
          <TransferStatusTag status={transfer.status} />
          <DueTag overdue={transfer.overdue} dueSoon={transfer.dueSoon} workingDaysLeft={transfer.workingDaysLeft} />
        </Flex>
      </Flex>
      <Typography.Text type="secondary" className="handle-transfer-dates">
        {t("suggestDeputy.handle.transferDates", {
          due: formatDay(transfer.dueOn, i18n.language),
          at: formatDateTime(transfer.transferredAt),
        })}
        {transfer.completedAt &&
          ` · ${t("suggestDeputy.handle.completedAt", { at: formatDateTime(transfer.completedAt) })}`}
      </Typography.Text>
      {transfer.note && (
        <Typography.Paragraph className="handle-transfer-note">
          <span className="handle-label">{t("suggestDeputy.handle.instructions")}</span>
          {transfer.note}
        </Typography.Paragraph>
      )}
      {transfer.status === "RETURNED" && transfer.returnReason && (
        <Alert
          type="warning"
          showIcon
          icon={<CloseOutlined />}
          title={t("suggestDeputy.handle.returned", {
            at: transfer.returnedAt ? formatDateTime(transfer.returnedAt) : "",
          })}
          description={transfer.returnReason}
        />
      )}
      {transfer.updates.length > 0 && (
        <ol className="handle-updates" aria-label={t("suggestDeputy.handle.updates")}>
          {transfer.updates.map((update) => (
            <li key={update.id}>
              <Typography.Text type="secondary" className="handle-update-time">
                {formatDateTime(update.createdAt)}
              </Typography.Text>
              <Typography.Paragraph className="handle-update-body">{update.body}</Typography.Paragraph>
              {update.attachments.length > 0 && <PhotoGallery photos={update.attachments} />}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function RepliesCard({ suggestion }: { suggestion: HandleSuggestionFragment }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (!suggestion.replies.length && !suggestion.ratings.length) return null;
  const rounds = [
    ...new Set([...suggestion.replies.map((r) => r.round), ...suggestion.ratings.map((r) => r.round)]),
  ].sort((a, b) => b - a);
  return (
    <Card title={t("suggestDeputy.handle.replies")} className="section-card" data-testid="replies">
      <Flex vertical gap={16}>
        {rounds.map((round) => {
          const reply = suggestion.replies.find((r) => r.round === round);
          const rating = suggestion.ratings.find((r) => r.round === round);
          return (
            <section key={round} className="handle-reply-round">
              {rounds.length > 1 && (
                <Typography.Title level={5} className="handle-round-title">
                  {t("suggestion.round", { round })}
                </Typography.Title>
              )}
              {reply && (
                <div className="handle-reply">
                  <Typography.Text type="secondary">
                    {t("suggestDeputy.handle.replyBy", {
                      who: reply.department?.name ?? t("suggestDeputy.handle.replyByDeputy"),
                      at: formatDateTime(reply.createdAt),
                    })}
                  </Typography.Text>
                  <Typography.Paragraph className="handle-body">{reply.body}</Typography.Paragraph>
                </div>
              )}
              {rating ? (
                <Flex vertical gap={4} className="handle-rating" data-testid="rating">
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text>{t("suggestDeputy.handle.rating")}</Typography.Text>
                    <Tag color={rating.satisfaction === "UNSATISFIED" ? "red" : "green"}>
                      {t(`suggestion.satisfaction.${rating.satisfaction}`)}
                    </Tag>
                    {rating.byPhone && (
                      <Tag icon={<PhoneOutlined />} data-testid="rating-by-phone">
                        {t("suggestDeputy.handle.ratingByPhone", { name: rating.enteredByName ?? "" })}
                      </Tag>
                    )}
                    <Typography.Text type="secondary">{formatDateTime(rating.createdAt)}</Typography.Text>
                  </Flex>
                  {rating.comment && (
                    <Typography.Paragraph className="handle-rating-comment">{rating.comment}</Typography.Paragraph>
                  )}
                </Flex>
              ) : (
                reply && (
                  <Typography.Text type="secondary">
                    {suggestion.submitter
                      ? t("suggestDeputy.handle.awaitingRating")
                      : t("suggestDeputy.handle.noAccountRating")}
                  </Typography.Text>
                )
              )}
            </section>
          );
        })}
      </Flex>
    </Card>
  );
}
