import { CheckCircleFilled, CloseCircleFilled, LockOutlined } from "@ant-design/icons";
import { Alert, Flex, Progress, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { BarChart, type BarDatum } from "../../components/BarChart";
import { formatArea, formatDateTime } from "../../components/format";
import type { CountingUnit, TallyFieldsFragment, VoteCoreFragment } from "../../gql/graphql";
import { formatPercent, formatYuan } from "./model";

/** 赞成 green, 反对 red, 弃权 grey; other ballots one calm blue. */
const YES_NO_COLORS = ["#237a4b", "#c0392b", "#7b8794"];
/** Budget ballots: green for a project the count so far would fund, grey for one it would not. */
const FUNDED_COLOR = "#237a4b";
const UNFUNDED_COLOR = "#a7b0bc";

export function unitKey(unit: CountingUnit): "household" | "person" {
  return unit === "HOUSEHOLD" ? "household" : "person";
}

/** Bars of the count per option (first preferences for ranked ballots). */
export function useTallyBars(vote: Pick<VoteCoreFragment, "ballotType" | "countingUnit">, tally: TallyFieldsFragment) {
  const { t, i18n } = useTranslation();
  const unit = unitKey(vote.countingUnit);
  return useMemo(() => {
    const options = tally.options ?? [];
    const funded = tally.funded ? new Set(tally.funded.optionIds) : null;
    const data: BarDatum[] = options.map((option, index) => {
      const count =
        vote.countingUnit === "HOUSEHOLD"
          ? t("votes.tally.captionArea", {
              count: option.count,
              area: formatArea(option.floorAreaSqm, i18n.language),
            })
          : t(`votes.tally.caption.${unit}`, { count: option.count });
      if (funded) {
        const isFunded = funded.has(option.optionId);
        return {
          label: option.label,
          value: option.count,
          color: isFunded ? FUNDED_COLOR : UNFUNDED_COLOR,
          highlight: isFunded,
          caption: t(isFunded ? "votes.tally.captionFunded" : "votes.tally.captionUnfunded", {
            count,
            cost: formatYuan(option.costFen ?? 0, i18n.language),
          }),
        };
      }
      return {
        label: option.label,
        value: option.count,
        color: vote.ballotType === "YES_NO_ABSTAIN" ? YES_NO_COLORS[index] : undefined,
        caption: count,
      };
    });
    const spoken = data.map((d) => `${d.label}：${d.caption}`).join("；");
    return { data, spoken };
  }, [tally.options, tally.funded, vote.ballotType, vote.countingUnit, unit, t, i18n.language]);
}

export function TallyBars({
  vote,
  tally,
  fontSize,
}: {
  vote: Pick<VoteCoreFragment, "ballotType" | "countingUnit">;
  tally: TallyFieldsFragment;
  fontSize?: number;
}) {
  const { t } = useTranslation();
  const { data, spoken } = useTallyBars(vote, tally);
  return (
    <div className="tally-bars">
      <BarChart data={data} ariaLabel={t("votes.tally.chartLabel", { figures: spoken })} fontSize={fontSize} />
      {vote.ballotType === "RANKED" && (
        <Typography.Paragraph type="secondary" className="tally-note">
          {t("votes.tally.rankedNote")}
        </Typography.Paragraph>
      )}
      {(vote.ballotType === "MULTIPLE_CHOICE" || vote.ballotType === "BUDGET") && (
        <Typography.Paragraph type="secondary" className="tally-note">
          {t("votes.tally.approvalsNote")}
        </Typography.Paragraph>
      )}
      {tally.funded && <FundedNote funded={tally.funded} />}
    </div>
  );
}

/** A participatory budget as it stands: what the count so far would fund, and what is left. */
function FundedNote({ funded }: { funded: NonNullable<TallyFieldsFragment["funded"]> }) {
  const { t, i18n } = useTranslation();
  return (
    <Typography.Paragraph className="tally-note funded-note" data-testid="funded-note">
      {funded.optionIds.length === 0
        ? t("votes.tally.fundedNone")
        : t("votes.tally.funded", {
            count: funded.optionIds.length,
            total: formatYuan(funded.totalFen, i18n.language),
          })}
      {funded.remainingFen != null &&
        funded.optionIds.length > 0 &&
        t("votes.tally.fundedLeft", { left: formatYuan(funded.remainingFen, i18n.language) })}
    </Typography.Paragraph>
  );
}

/** How many of the roll took part, and (household votes) how much of the floor area. */
export function Turnout({
  vote,
  tally,
  size = "default",
}: {
  vote: Pick<VoteCoreFragment, "countingUnit">;
  tally: TallyFieldsFragment;
  size?: "default" | "screen";
}) {
  const { t, i18n } = useTranslation();
  const unit = unitKey(vote.countingUnit);
  const percent = tally.rollSize > 0 ? (tally.participants * 100) / tally.rollSize : 0;
  const areaPercent = tally.rollFloorAreaSqm > 0 ? (tally.participantFloorAreaSqm * 100) / tally.rollFloorAreaSqm : 0;
  const household = vote.countingUnit === "HOUSEHOLD";
  return (
    <div className={`turnout turnout-${size}`} data-testid="turnout">
      <div className="turnout-label">{t(`votes.tally.turnoutLabel.${unit}`)}</div>
      <div className="turnout-figure" aria-live="polite">
        {t(`votes.tally.turnout.${unit}`, {
          participants: tally.participants,
          roll: tally.rollSize,
          percent: formatPercent(tally.participants, tally.rollSize),
        })}
      </div>
      <Progress
        percent={percent}
        showInfo={false}
        size={size === "screen" ? { height: 28 } : { height: 12 }}
        strokeColor="#1a5fb4"
        aria-hidden
      />
      {household && (
        <>
          <div className="turnout-area">
            {t("votes.tally.turnoutArea", {
              part: formatArea(tally.participantFloorAreaSqm, i18n.language),
              roll: formatArea(tally.rollFloorAreaSqm, i18n.language),
              percent: formatPercent(tally.participantFloorAreaSqm, tally.rollFloorAreaSqm),
            })}
          </div>
          <Progress
            percent={areaPercent}
            showInfo={false}
            size={size === "screen" ? { height: 16 } : { height: 8 }}
            strokeColor="#5b8def"
            aria-hidden
          />
        </>
      )}
    </div>
  );
}

/** The rule's conditions, each met ✓ or not yet ✗ (the figures are the server's sentence). */
export function RuleChecks({
  checks,
  size = "default",
}: {
  checks: readonly { label: string; met: boolean }[];
  size?: "default" | "screen";
}) {
  const { t } = useTranslation();
  if (checks.length === 0) return null;
  return (
    <ul className={`rule-checks rule-checks-${size}`} aria-label={t("votes.tally.checksTitle")}>
      {checks.map((check) => (
        <li key={check.label} className={check.met ? "is-met" : "is-unmet"} data-testid="rule-check">
          {check.met ? (
            <CheckCircleFilled className="check-icon" aria-label={t("votes.tally.met")} />
          ) : (
            <CloseCircleFilled className="check-icon" aria-label={t("votes.tally.unmet")} />
          )}
          <span>{check.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** The live count on a vote's page: turnout, the bars (unless sealed) and the rule's progress. */
export function TallyPanel({
  vote,
  tally,
}: {
  vote: Pick<VoteCoreFragment, "ballotType" | "countingUnit" | "status">;
  tally: TallyFieldsFragment;
}) {
  const { t, i18n } = useTranslation();
  const hidden = tally.sealed || !tally.options;
  return (
    <Flex vertical gap={16} className="tally-panel" data-testid="tally-panel">
      <Turnout vote={vote} tally={tally} />
      {hidden ? (
        <Alert type="info" showIcon icon={<LockOutlined />} title={t("votes.tally.sealed")} />
      ) : (
        <TallyBars vote={vote} tally={tally} />
      )}
      {tally.checks.length > 0 && (
        <div>
          <Typography.Text strong>{t("votes.tally.checksTitle")}</Typography.Text>
          <RuleChecks checks={tally.checks} />
        </div>
      )}
      <Typography.Text type="secondary" className="tally-updated">
        {tally.status === "OPEN"
          ? t("votes.tally.updatedLive", { time: formatDateTime(tally.computedAt, i18n.language) })
          : t("votes.tally.updatedFinal", { time: formatDateTime(tally.computedAt, i18n.language) })}
      </Typography.Text>
    </Flex>
  );
}
