import {
  AlertOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  EyeInvisibleOutlined,
  MessageOutlined,
  RollbackOutlined,
  SendOutlined,
} from "@ant-design/icons";
import { Tag, Timeline, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../../components/format";
import { graphql } from "../../../gql";
import type { HandlingHistoryEventFragment } from "../../../gql/graphql";

// The handling record of one suggestion (Suggestion.history) as a timeline: every step, public
// or internal, with who, when, the department, the due date and the reason. For handlers:
// deputies, staff, departments. Strings under `suggestion.history.*`.

export const HandlingHistoryFields = graphql(`
  fragment HandlingHistoryEvent on SuggestionEvent {
    id
    action
    at
    public
    actorName
    actorRole
    fromStatus
    toStatus
    round
    departmentName
    transferRole
    dueOn
    reason
    satisfaction
    byPhone
    allowPublish
  }
`);

type Tone = "blue" | "red" | "green" | "gray" | "orange";

interface Step {
  text: string;
  tone: Tone;
  icon?: ReactNode;
  /** What the reason is, when there is one. */
  reasonLabel: string;
  /** The reason is shown by another step already (转办意见 on each transfer). */
  hideReason?: boolean;
}

function useDescribeStep() {
  const { t } = useTranslation();
  return (e: HandlingHistoryEventFragment): Step => {
    const department = e.departmentName ?? t("suggestion.history.aDepartment");
    const role = e.transferRole ? t(`suggestion.transferRole.${e.transferRole}`) : "";
    const due = e.dueOn ?? "";
    const note = t("suggestion.history.reason.note");
    switch (e.action) {
      case "suggestion.create":
        return {
          text: e.actorRole === "SUBMITTER" ? t("suggestion.history.submitted") : t("suggestion.history.recorded"),
          tone: "blue",
          reasonLabel: note,
        };
      case "suggestion.transfer":
        return {
          text: t("suggestion.history.transfer", { department, role, due }),
          tone: "blue",
          icon: <SendOutlined />,
          reasonLabel: t("suggestion.history.reason.instructions"),
        };
      case "suggestion.acknowledge":
        return { text: t("suggestion.history.acknowledge", { department }), tone: "gray", reasonLabel: note };
      case "suggestion.update":
        return { text: t("suggestion.history.update", { department }), tone: "gray", reasonLabel: note };
      case "suggestion.return":
        return {
          text: t("suggestion.history.return", { department, role }),
          tone: "red",
          icon: <RollbackOutlined />,
          reasonLabel: t("suggestion.history.reason.return"),
        };
      case "suggestion.completeTransfer":
        return {
          text: t("suggestion.history.completeTransfer", { department }),
          tone: "green",
          reasonLabel: note,
        };
      case "suggestion.dueSoon":
        return {
          text: t("suggestion.history.dueSoon", { department, due }),
          tone: "orange",
          icon: <ClockCircleOutlined />,
          reasonLabel: note,
        };
      case "suggestion.overdue":
        return {
          text: t("suggestion.history.overdue", { department, due }),
          tone: "red",
          icon: <ExclamationCircleOutlined />,
          reasonLabel: note,
        };
      case "suggestion.hide":
        return {
          text: t("suggestion.history.hide"),
          tone: "orange",
          icon: <EyeInvisibleOutlined />,
          reasonLabel: t("suggestion.history.reason.hide"),
        };
      case "suggestion.unhide":
        return { text: t("suggestion.history.unhide"), tone: "gray", reasonLabel: note };
      case "suggestion.publication":
        return {
          text: t(e.allowPublish ? "suggestion.history.consentGiven" : "suggestion.history.consentWithdrawn"),
          tone: "gray",
          reasonLabel: note,
        };
      case "suggestion.textNotice":
        return { text: t("suggestion.history.textNotice"), tone: "gray", icon: <MessageOutlined />, reasonLabel: note };
      case "suggestion.transition":
        switch (e.toStatus) {
          case "ACCEPTED":
            return e.fromStatus === "SUBMITTED"
              ? { text: t("suggestion.history.accepted"), tone: "blue", reasonLabel: note }
              : {
                  text: t("suggestion.history.allReturned"),
                  tone: "red",
                  icon: <RollbackOutlined />,
                  reasonLabel: t("suggestion.history.reason.return"),
                };
          case "DECLINED":
            return {
              text: t("suggestion.history.declined"),
              tone: "red",
              icon: <CloseCircleOutlined />,
              reasonLabel: t("suggestion.history.reason.decline"),
            };
          case "TRANSFERRED":
            return {
              text: t("suggestion.history.transferred"),
              tone: "blue",
              reasonLabel: t("suggestion.history.reason.instructions"),
              hideReason: true,
            };
          case "IN_PROGRESS":
            return { text: t("suggestion.history.inProgress"), tone: "blue", reasonLabel: note };
          case "REPLIED":
            return {
              text: e.departmentName
                ? t("suggestion.history.repliedBy", { department })
                : t("suggestion.history.replied"),
              tone: "green",
              reasonLabel: note,
            };
          case "RATED":
            return {
              text: t(e.byPhone ? "suggestion.history.ratedByPhone" : "suggestion.history.rated", {
                satisfaction: e.satisfaction ? t(`suggestion.satisfaction.${e.satisfaction}`) : "",
              }),
              tone: e.satisfaction === "UNSATISFIED" ? "red" : "green",
              reasonLabel: note,
            };
          case "SUPERVISING":
            return {
              text: t("suggestion.history.supervising", { round: e.round ?? 2 }),
              tone: "red",
              icon: <AlertOutlined />,
              reasonLabel: t("suggestion.history.reason.unsatisfied"),
            };
          case "CLOSED":
            return {
              text: t("suggestion.history.closed"),
              tone: "green",
              icon: <CheckCircleOutlined />,
              reasonLabel: note,
            };
          default:
            return {
              text: e.toStatus ? t(`suggestion.status.${e.toStatus}`) : e.action,
              tone: "blue",
              reasonLabel: note,
            };
        }
      default:
        return { text: e.action, tone: "gray", reasonLabel: note };
    }
  };
}

interface HandlingHistoryProps {
  events: readonly HandlingHistoryEventFragment[];
  /** Newest step on top (the server sends them oldest first). */
  newestFirst?: boolean;
}

/**
 * Every step of a suggestion's handling, with who acted and when. Steps the resident does not see
 * on the public timeline are marked 内部.
 */
export function HandlingHistory({ events, newestFirst = false }: HandlingHistoryProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const describe = useDescribeStep();
  if (!events.length) {
    return <Typography.Text type="secondary">{t("suggestion.history.empty")}</Typography.Text>;
  }
  const ordered = newestFirst ? [...events].reverse() : events;
  return (
    <Timeline
      className="handling-history"
      items={ordered.map((e) => {
        const step = describe(e);
        const who = e.actorName
          ? e.actorRole
            ? t("suggestion.history.actorWithRole", {
                name: e.actorName,
                role: t(`suggestion.actorRole.${e.actorRole}`),
              })
            : e.actorName
          : e.actorRole
            ? t(`suggestion.actorRole.${e.actorRole}`)
            : null;
        return {
          key: e.id,
          color: step.tone,
          icon: step.icon,
          content: (
            <div className="history-step" data-action={e.action}>
              <div className="history-step-head">
                <Typography.Text strong>{step.text}</Typography.Text>
                {(e.round ?? 1) > 1 && <Tag className="history-tag">{t("suggestion.round", { round: e.round })}</Tag>}
                {!e.public && <Tag className="history-tag">{t("suggestion.history.internal")}</Tag>}
              </div>
              <Typography.Text type="secondary" className="history-meta">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                {who && ` · ${who}`}
              </Typography.Text>
              {e.reason && !step.hideReason && (
                <blockquote className="history-reason">
                  <span className="history-reason-label">{step.reasonLabel}</span>
                  {e.reason}
                </blockquote>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
