import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { SuggestionStatus, TransferRole, TransferStatus } from "../../../gql/graphql";

// Words and colours every suggestion page shares: the status of a suggestion and of a transfer,
// and how urgent its due date is. Strings live under `suggestion.*` (locales/suggestions/common.*).

const STATUS_COLORS: Record<SuggestionStatus, string> = {
  SUBMITTED: "gold",
  ACCEPTED: "blue",
  DECLINED: "default",
  TRANSFERRED: "geekblue",
  IN_PROGRESS: "processing",
  REPLIED: "cyan",
  RATED: "purple",
  SUPERVISING: "volcano",
  CLOSED: "green",
};

export function SuggestionStatusTag({ status }: { status: SuggestionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} className="status-tag" data-status={status}>
      {t(`suggestion.status.${status}`)}
    </Tag>
  );
}

const TRANSFER_COLORS: Record<TransferStatus, string> = {
  PENDING: "gold",
  IN_PROGRESS: "processing",
  DONE: "green",
  RETURNED: "default",
};

export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={TRANSFER_COLORS[status]} className="status-tag" data-status={status}>
      {t(`suggestion.transferStatus.${status}`)}
    </Tag>
  );
}

export function TransferRoleTag({ role }: { role: TransferRole }) {
  const { t } = useTranslation();
  return <Tag color={role === "LEAD" ? "red" : "default"}>{t(`suggestion.transferRole.${role}`)}</Tag>;
}

interface Due {
  overdue: boolean;
  dueSoon: boolean;
  workingDaysLeft?: number | null;
}

/**
 * How urgent: red once overdue, orange when due within 2 working days, plain otherwise; nothing
 * without a due date. The words carry the meaning too (colour alone is not enough).
 */
export function DueTag({ overdue, dueSoon, workingDaysLeft }: Due) {
  const { t } = useTranslation();
  if (workingDaysLeft === null || workingDaysLeft === undefined) return null;
  if (overdue) {
    const late = -workingDaysLeft;
    return (
      <Tag color="red" className="due-tag" data-due="overdue">
        {late > 0 ? t("suggestion.due.overdue", { count: late }) : t("suggestion.due.overdueToday")}
      </Tag>
    );
  }
  if (workingDaysLeft === 0) {
    return (
      <Tag color="orange" className="due-tag" data-due="soon">
        {t("suggestion.due.dueToday")}
      </Tag>
    );
  }
  return (
    <Tag color={dueSoon ? "orange" : "default"} className="due-tag" data-due={dueSoon ? "soon" : "later"}>
      {t(dueSoon ? "suggestion.due.dueSoon" : "suggestion.due.left", { count: workingDaysLeft })}
    </Tag>
  );
}
