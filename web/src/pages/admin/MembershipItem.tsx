import { CheckOutlined, CloseOutlined, StopOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeFailure } from "../../components/failure";
import { addressOf, formatArea, useFormatDateTime } from "../../components/format";
import { MembershipStatusTag } from "../../components/StatusTag";
import { graphql } from "../../gql";
import type { StaffMembershipFragment } from "../../gql/graphql";
import { useAppMutation } from "../../graphql/outcome";
import { DecisionDialog } from "./DecisionDialog";
import { DecideMembershipDocument } from "./documents";

export const StaffMembershipFragmentDoc = graphql(`
  fragment StaffMembership on HouseholdMember {
    id
    status
    isAdult
    requestedAt
    decidedAt
    decisionNote
    account {
      id
      displayName
      realName
      phone
    }
    household {
      id
      unit
      floorAreaSqm
      building {
        id
        name
        ancestors {
          id
          name
          kind
        }
      }
    }
  }
`);

/** One person's claim to a household, with what staff can decide about it. */
export function MembershipItem({ membership }: { membership: StaffMembershipFragment }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const formatDateTime = useFormatDateTime();
  const describe = useDescribeFailure();
  const [state, decide] = useAppMutation(DecideMembershipDocument);
  const [dialog, setDialog] = useState<"REJECTED" | "REVOKED" | null>(null);
  const { account, household } = membership;
  const name = account.realName || account.displayName;

  const verify = async () => {
    const outcome = await decide({ id: membership.id, decision: "VERIFIED", note: null });
    if (outcome.error) message.error(describe(outcome.error));
    else message.success(t("people.verified", { name }));
  };

  return (
    <Card className="membership-item" data-testid="membership-item" size="small">
      <Flex justify="space-between" gap={12} wrap align="flex-start">
        <div className="membership-who">
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong className="person-name">
              {name}
            </Typography.Text>
            {account.realName && account.displayName !== account.realName && (
              <Typography.Text type="secondary">（{account.displayName}）</Typography.Text>
            )}
            <MembershipStatusTag status={membership.status} />
            {!membership.isAdult && <Tag color="purple">{t("people.minor")}</Tag>}
          </Flex>
          {account.phone && (
            <Typography.Text copyable className="person-phone">
              {account.phone}
            </Typography.Text>
          )}
          <Typography.Paragraph className="membership-address">
            {addressOf(household.building.ancestors, household.building.name, household.unit)}
            <Typography.Text type="secondary">
              {" "}
              · {formatArea(household.floorAreaSqm, i18n.language)} ㎡
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Text type="secondary" className="membership-time">
            {t("people.requestedAt", { time: formatDateTime(membership.requestedAt) })}
            {membership.decidedAt && ` · ${t("people.decidedAt", { time: formatDateTime(membership.decidedAt) })}`}
          </Typography.Text>
          {membership.decisionNote && (
            <Typography.Paragraph type="secondary" className="decision-note">
              {t("people.note")}：{membership.decisionNote}
            </Typography.Paragraph>
          )}
        </div>
        <Flex gap={8} wrap className="membership-actions">
          {membership.status === "PENDING" && (
            <>
              <Popconfirm
                title={t("people.confirmVerify", { name })}
                description={t("people.confirmVerifyHint")}
                okText={t("people.verify")}
                cancelText={t("common.cancel")}
                onConfirm={verify}
              >
                <Button type="primary" icon={<CheckOutlined />} loading={state.fetching}>
                  {t("people.verify")}
                </Button>
              </Popconfirm>
              <Button danger icon={<CloseOutlined />} onClick={() => setDialog("REJECTED")}>
                {t("people.reject")}
              </Button>
            </>
          )}
          {membership.status === "VERIFIED" && (
            <Button danger icon={<StopOutlined />} onClick={() => setDialog("REVOKED")}>
              {t("people.revoke")}
            </Button>
          )}
        </Flex>
      </Flex>
      {dialog && (
        <DecisionDialog
          membershipId={membership.id}
          decision={dialog}
          personName={name}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
