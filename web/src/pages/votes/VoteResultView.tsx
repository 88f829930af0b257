import { TrophyOutlined } from "@ant-design/icons";
import { Flex, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatArea } from "../../components/format";
import type { VoteCoreFragment } from "../../gql/graphql";
import { formatPercent, formatYuan, type VoteOutcome, type VoteResultData } from "./model";
import { RuleChecks } from "./TallyView";

const OUTCOME_COLORS: Record<VoteOutcome, string> = {
  PASSED: "green",
  DECIDED: "green",
  NOT_PASSED: "red",
  NO_QUORUM: "orange",
  TIE: "gold",
};

export function OutcomeTag({ outcome, large }: { outcome: VoteOutcome; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={OUTCOME_COLORS[outcome]}
      className={`outcome-tag${large ? " outcome-tag-large" : ""}`}
      data-outcome={outcome}
    >
      {t(`votes.outcome.${outcome}`)}
    </Tag>
  );
}

/** The published count: the outcome, the rule it was decided by, the conditions, the figures. */
export function VoteResultView({ vote, result }: { vote: VoteCoreFragment; result: VoteResultData }) {
  const { t, i18n } = useTranslation();
  const household = vote.countingUnit === "HOUSEHOLD";
  const unit = household ? "household" : "person";
  const winners = new Set(result.winners.map(String));
  const costOf = (optionId: number) => vote.options.find((o) => o.id === String(optionId))?.costFen ?? null;
  const rule =
    vote.ballotType === "YES_NO_ABSTAIN"
      ? t(`votes.threshold.${vote.threshold}`)
      : t(`votes.ruleFor.${vote.ballotType}`);

  const rows = result.options.map((option) => ({
    key: String(option.optionId),
    label: option.label,
    count: option.count,
    share: formatPercent(option.count, result.participants),
    area: formatArea(option.floorArea / 100, i18n.language),
    cost: costOf(option.optionId),
    winner: winners.has(String(option.optionId)),
  }));

  return (
    <Flex vertical gap={16} className="vote-result" data-testid="vote-result">
      <Flex align="center" gap={12} wrap>
        <OutcomeTag outcome={result.outcome} large />
        <Typography.Text strong className="result-summary">
          {result.summary}
        </Typography.Text>
      </Flex>
      <div>
        <Typography.Text type="secondary">{t("votes.result.ruleApplied")}</Typography.Text>
        <Typography.Paragraph className="result-rule">{rule}</Typography.Paragraph>
        <Typography.Paragraph>
          {t(`votes.result.turnout.${unit}`, {
            participants: result.participants,
            roll: result.rollSize,
            percent: formatPercent(result.participants, result.rollSize),
          })}
          {household &&
            ` ${t("votes.result.turnoutArea", {
              part: formatArea(result.participantFloorArea / 100, i18n.language),
              roll: formatArea(result.rollFloorArea / 100, i18n.language),
            })}`}
        </Typography.Paragraph>
      </div>
      {result.checks.length > 0 && (
        <div>
          <Typography.Text strong>{t("votes.result.checks")}</Typography.Text>
          <RuleChecks checks={result.checks} />
        </div>
      )}
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: "max-content" }}
        columns={[
          {
            key: "label",
            title: t("votes.result.option"),
            render: (_, row) => (
              <Flex gap={6} align="center" wrap>
                {row.winner && <TrophyOutlined className="winner-icon" aria-label={t("votes.result.winner")} />}
                <span className={row.winner ? "winner-label" : undefined}>{row.label}</span>
              </Flex>
            ),
          },
          {
            key: "count",
            title: t(`votes.result.count.${unit}`),
            align: "right",
            render: (_, row) => row.count,
          },
          {
            key: "share",
            title: t("votes.result.share"),
            align: "right",
            render: (_, row) => row.share,
          },
          ...(household
            ? [
                {
                  key: "area",
                  title: t("votes.result.area"),
                  align: "right" as const,
                  render: (_: unknown, row: (typeof rows)[number]) => row.area,
                },
              ]
            : []),
          ...(vote.ballotType === "BUDGET"
            ? [
                {
                  key: "cost",
                  title: t("votes.result.cost"),
                  align: "right" as const,
                  render: (_: unknown, row: (typeof rows)[number]) =>
                    row.cost != null ? formatYuan(row.cost, i18n.language) : "—",
                },
              ]
            : []),
        ]}
      />
      {vote.ballotType === "BUDGET" && result.allocation && (
        <div className="budget-allocation">
          <Typography.Text strong>{t("votes.result.funded")}</Typography.Text>
          {result.allocation.length === 0 ? (
            <Typography.Paragraph type="secondary">{t("votes.result.noneFunded")}</Typography.Paragraph>
          ) : (
            <ol className="plain-list">
              {result.allocation.map((a) => (
                <li key={a.optionId}>
                  {result.options.find((o) => o.optionId === a.optionId)?.label} ·{" "}
                  {formatYuan(a.costFen, i18n.language)}
                </li>
              ))}
            </ol>
          )}
          {result.remainingFen != null && (
            <Typography.Paragraph strong>
              {t("votes.result.remaining", {
                left: formatYuan(result.remainingFen, i18n.language),
                budget: formatYuan(vote.budgetFen ?? 0, i18n.language),
              })}
            </Typography.Paragraph>
          )}
        </div>
      )}
      {vote.ballotType === "RANKED" && result.rounds && result.rounds.length > 0 && (
        <div>
          <Typography.Text strong>{t("votes.result.rounds")}</Typography.Text>
          <ol className="plain-list">
            {result.rounds.map((round) => (
              // Each round eliminates a different option; only the last eliminates none.
              <li key={round.eliminated ?? "last"}>
                {Object.entries(round.counts)
                  .map(
                    ([id, count]) => `${result.options.find((o) => String(o.optionId) === id)?.label ?? id} ${count}`,
                  )
                  .join("，")}
                {round.eliminated != null &&
                  ` — ${t("votes.result.eliminated", {
                    label: result.options.find((o) => o.optionId === round.eliminated)?.label ?? "",
                  })}`}
              </li>
            ))}
          </ol>
        </div>
      )}
    </Flex>
  );
}
