import { App, Button, Card, Descriptions, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useDescribeFailure } from "../../components/failure";
import { addressOf, formatArea, useFormatDateTime } from "../../components/format";
import { MembershipStatusTag } from "../../components/StatusTag";
import type { MyMembershipFragment } from "../../gql/graphql";
import { useAppMutation } from "../../graphql/outcome";
import { RequestMembershipDocument } from "./documents";

/** One claimed home: where, its verification status, and what to do next. */
export function MembershipCard({ membership }: { membership: MyMembershipFragment }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const formatDateTime = useFormatDateTime();
  const describe = useDescribeFailure();
  const [state, request] = useAppMutation(RequestMembershipDocument);
  const { household, status } = membership;
  const address = addressOf(household.building.ancestors, household.building.name, household.unit);

  const reapply = async () => {
    const outcome = await request({ householdId: household.id, isAdult: membership.isAdult });
    if (outcome.error) message.error(describe(outcome.error));
    else message.success(t("myHome.requested"));
  };

  return (
    <Card className={`membership-card membership-${status.toLowerCase()}`} data-testid="membership-card">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Typography.Title level={4} className="membership-address">
          {address}
        </Typography.Title>
        <MembershipStatusTag status={status} />
      </Flex>
      <Typography.Paragraph className="membership-explainer">{t(`myHome.explain.${status}`)}</Typography.Paragraph>
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: "area",
            label: t("myHome.floorArea"),
            children: t("myHome.sqm", { value: formatArea(household.floorAreaSqm, i18n.language) }),
          },
          { key: "requested", label: t("myHome.requestedAt"), children: formatDateTime(membership.requestedAt) },
          ...(membership.decidedAt
            ? [{ key: "decided", label: t("myHome.decidedAt"), children: formatDateTime(membership.decidedAt) }]
            : []),
          ...(membership.decisionNote
            ? [{ key: "note", label: t("myHome.note"), children: membership.decisionNote }]
            : []),
        ]}
      />
      {(status === "REJECTED" || status === "REVOKED") && (
        <Button type="primary" onClick={reapply} loading={state.fetching}>
          {t("myHome.reapply")}
        </Button>
      )}
    </Card>
  );
}
