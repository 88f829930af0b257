import { CheckOutlined, CloseOutlined, LockOutlined, StopOutlined, UnlockOutlined } from "@ant-design/icons";
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
import { DecideMembershipDocument, SetAccountDisabledDocument } from "./documents";
import { useStaffScope } from "./scope";

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
      disabledAt
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
  const { isAdmin } = useStaffScope();
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
            {account.disabledAt && <Tag color="red">{t("people.accountDisabled")}</Tag>}
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
          {isAdmin && <AccountSwitch account={account} name={name} />}
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

/**
 * Admins only: disable the person's account (they cannot sign in; their open sessions end at once)
 * or enable it again. The server checks the admin serves the person's area.
 */
function AccountSwitch({ account, name }: { account: StaffMembershipFragment["account"]; name: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeFailure();
  const [state, setDisabled] = useAppMutation(SetAccountDisabledDocument);
  const disabled = Boolean(account.disabledAt);
  const change = async () => {
    const outcome = await setDisabled({ id: account.id, disabled: !disabled });
    if (outcome.error) message.error(describe(outcome.error));
    else message.success(t(disabled ? "people.enabled" : "people.disabled", { name }));
  };
  return (
    <Popconfirm
      title={t(disabled ? "people.confirmEnable" : "people.confirmDisable", { name })}
      description={disabled ? undefined : t("people.confirmDisableHint")}
      okText={t(disabled ? "people.enable" : "people.disable")}
      okButtonProps={{ danger: !disabled }}
      cancelText={t("common.cancel")}
      onConfirm={change}
    >
      <Button icon={disabled ? <UnlockOutlined /> : <LockOutlined />} loading={state.fetching}>
        {t(disabled ? "people.enable" : "people.disable")}
      </Button>
    </Popconfirm>
  );
}
