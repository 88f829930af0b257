import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { MembershipStatus } from "../gql/graphql";

const COLORS: Record<MembershipStatus, string> = {
  PENDING: "gold",
  VERIFIED: "green",
  REJECTED: "red",
  REVOKED: "default",
};

export function MembershipStatusTag({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} className="status-tag" data-status={status}>
      {t(`membershipStatus.${status}`)}
    </Tag>
  );
}
