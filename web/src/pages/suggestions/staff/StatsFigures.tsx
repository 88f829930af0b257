import { Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { OfficeStatsQuery } from "../../../gql/graphql";
import { formatDay } from "../shared/dates";

type Statistics = OfficeStatsQuery["suggestionStatistics"];

/** A percentage as people read it ("95.24%"), or a dash when there is nothing to divide by. */
export function percentText(percent: string | null | undefined): string {
  return percent == null ? "—" : `${percent}%`;
}

type FigureKey =
  | "visitors"
  | "received"
  | "accepted"
  | "transferred"
  | "closed"
  | "closureRate"
  | "satisfactionRate"
  | "averageDays"
  | "overdue";

interface Figure {
  key: FigureKey;
  value: string;
  unit?: string;
  hint?: string;
  tone?: "good" | "bad";
}

/** The big figures of the period, as a work report states them, and the sentence it would print. */
export function StatsFigures({ stats }: { stats: Statistics }) {
  const { t, i18n } = useTranslation();
  const { total, receptions } = stats;
  const number = (n: number) => n.toLocaleString(i18n.language === "en" ? "en" : "zh-CN");
  const figures: Figure[] = [
    {
      key: "visitors",
      value: number(receptions.visitors),
      unit: t("suggestOffice.stats.unit.visits"),
      hint: t("suggestOffice.stats.figure.visitorsHint", { count: receptions.held }),
    },
    { key: "received", value: number(total.received), unit: t("suggestOffice.stats.unit.items") },
    {
      key: "accepted",
      value: number(total.accepted),
      unit: t("suggestOffice.stats.unit.items"),
      hint: total.declined ? t("suggestOffice.stats.figure.declinedHint", { count: total.declined }) : undefined,
    },
    { key: "transferred", value: number(total.transferred), unit: t("suggestOffice.stats.unit.items") },
    { key: "closed", value: number(total.closed), unit: t("suggestOffice.stats.unit.items") },
    {
      key: "closureRate",
      value: percentText(total.closureRate.percent),
      hint: t("suggestOffice.stats.figure.ratioHint", {
        numerator: total.closureRate.numerator,
        denominator: total.closureRate.denominator,
      }),
    },
    {
      key: "satisfactionRate",
      value: percentText(total.satisfactionRate.percent),
      hint: t("suggestOffice.stats.figure.satisfactionHint", {
        numerator: total.satisfactionRate.numerator,
        denominator: total.satisfactionRate.denominator,
        byPhone: total.ratedByPhone,
      }),
    },
    {
      key: "averageDays",
      value: total.averageHandlingWorkingDays ?? "—",
      unit: total.averageHandlingWorkingDays ? t("suggestOffice.stats.unit.workingDays") : undefined,
    },
    {
      key: "overdue",
      value: number(total.overdue),
      unit: t("suggestOffice.stats.unit.items"),
      tone: total.overdue > 0 ? "bad" : "good",
    },
  ];
  const period = t("suggestOffice.stats.periodText", {
    from: formatDay(stats.from, i18n.language, false),
    to: formatDay(stats.to, i18n.language, false),
  });
  const report = t("suggestOffice.stats.report", {
    period,
    visitors: number(receptions.visitors),
    received: number(total.received),
    accepted: number(total.accepted),
    transferred: number(total.transferred),
    closed: number(total.closed),
    closureRate: percentText(total.closureRate.percent),
    rated: number(total.rated),
    satisfactionRate: percentText(total.satisfactionRate.percent),
    days: total.averageHandlingWorkingDays ?? "—",
  });

  return (
    <>
      <ul className="sd-figures" data-testid="stats-figures" aria-label={t("suggestOffice.stats.figuresLabel")}>
        {figures.map((f) => (
          <li key={f.key} className={`sd-figure${f.tone ? ` is-${f.tone}` : ""}`} data-figure={f.key}>
            <span className="sd-figure-label">{t(`suggestOffice.stats.figure.${f.key}`)}</span>
            <span className="sd-figure-value">
              {f.value}
              {f.unit && <span className="sd-figure-unit">{f.unit}</span>}
            </span>
            {f.hint && <span className="sd-figure-hint">{f.hint}</span>}
          </li>
        ))}
      </ul>
      <Card size="small" className="sd-report" data-testid="stats-report">
        <Typography.Text type="secondary" className="sd-report-label">
          {t("suggestOffice.stats.reportLabel")}
        </Typography.Text>
        <Typography.Paragraph copyable={{ text: report }} className="sd-report-text">
          {report}
        </Typography.Paragraph>
        {stats.asOf !== stats.to && (
          <Typography.Text type="secondary" className="sd-report-asof">
            {t("suggestOffice.stats.asOf", { date: formatDay(stats.asOf, i18n.language, false) })}
          </Typography.Text>
        )}
        {receptions.held > receptions.daysWithVisitorCount && (
          <Typography.Text type="secondary" className="sd-report-asof">
            {t("suggestOffice.stats.visitorsPartial", {
              count: receptions.held - receptions.daysWithVisitorCount,
            })}
          </Typography.Text>
        )}
      </Card>
    </>
  );
}
