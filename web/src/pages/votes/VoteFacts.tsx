import { Descriptions, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { addressOf, useFormatDateTime } from "../../components/format";
import type { VoteCoreFragment, VoteStatus } from "../../gql/graphql";
import { formatYuan } from "./model";

const STATUS_COLORS: Record<VoteStatus, string> = {
  DRAFT: "default",
  SCHEDULED: "blue",
  OPEN: "green",
  CLOSED: "orange",
  PUBLISHED: "purple",
  CANCELLED: "default",
};

export function VoteStatusTag({ status }: { status: VoteStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} className="status-tag" data-status={status}>
      {t(`votes.status.${status}`)}
    </Tag>
  );
}

/** Who votes: "三林苑 · 每户一票" or "三林苑居民区议事会 · 议事会成员每人一票". */
export function useElectorate() {
  const { t } = useTranslation();
  return (vote: Pick<VoteCoreFragment, "area" | "council" | "countingUnit">) => {
    const where =
      vote.countingUnit === "COUNCIL_MEMBER"
        ? (vote.council?.name ?? vote.area.name)
        : addressOf(vote.area.ancestors, vote.area.name) || vote.area.name;
    return `${where} · ${t(`votes.countingUnit.${vote.countingUnit}`)}`;
  };
}

/** The vote's rules in one list: how to vote, who, what counts as passing, when. */
export function VoteFacts({ vote }: { vote: VoteCoreFragment }) {
  const { t, i18n } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const electorate = useElectorate();
  const ballot =
    vote.ballotType === "MULTIPLE_CHOICE"
      ? t("votes.ballotTypeWithMax", { type: t(`votes.ballotType.${vote.ballotType}`), max: vote.maxChoices ?? "" })
      : vote.ballotType === "BUDGET" && vote.budgetFen != null
        ? t("votes.ballotTypeWithBudget", {
            type: t(`votes.ballotType.${vote.ballotType}`),
            budget: formatYuan(vote.budgetFen, i18n.language),
          })
        : t(`votes.ballotType.${vote.ballotType}`);
  const items = [
    { key: "electorate", label: t("votes.facts.electorate"), children: electorate(vote) },
    { key: "ballot", label: t("votes.facts.ballotType"), children: ballot },
    {
      key: "rule",
      label: t("votes.facts.rule"),
      children:
        vote.ballotType === "YES_NO_ABSTAIN"
          ? t(`votes.threshold.${vote.threshold}`)
          : t(`votes.ruleFor.${vote.ballotType}`),
    },
    {
      key: "quorum",
      label: t("votes.facts.quorum"),
      children:
        vote.quorumPercent > 0
          ? t("votes.facts.quorumValue", { percent: vote.quorumPercent })
          : t("votes.facts.noQuorum"),
    },
    ...(vote.rollSize != null
      ? [
          {
            key: "roll",
            label: t("votes.facts.roll"),
            children: t(`votes.facts.rollValue.${vote.countingUnit === "HOUSEHOLD" ? "household" : "person"}`, {
              count: vote.rollSize,
            }),
          },
        ]
      : []),
    {
      key: "secrecy",
      label: t("votes.facts.secrecy"),
      children: (
        <>
          {vote.secret ? t("votes.facts.secret") : t("votes.facts.open")}
          {" · "}
          {vote.sealed ? t("votes.facts.sealed") : t("votes.facts.live")}
        </>
      ),
    },
    ...(vote.opensAt || vote.openedAt
      ? [
          {
            key: "opens",
            label: vote.openedAt ? t("votes.facts.openedAt") : t("votes.facts.opensAt"),
            children: formatDateTime(vote.openedAt ?? vote.opensAt ?? ""),
          },
        ]
      : []),
    {
      key: "closes",
      label: vote.closedAt ? t("votes.facts.closedAt") : t("votes.facts.closesAt"),
      children: vote.closedAt
        ? formatDateTime(vote.closedAt)
        : vote.closesAt
          ? formatDateTime(vote.closesAt)
          : t("votes.facts.closesManually"),
    },
    ...(vote.publishedAt
      ? [{ key: "published", label: t("votes.facts.publishedAt"), children: formatDateTime(vote.publishedAt) }]
      : []),
  ];
  return <Descriptions column={1} size="small" items={items} className="vote-facts" />;
}
