import { DownloadOutlined, FileExcelOutlined, SyncOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Flex, Input, Result, Row, Segmented, Select, Space, Tabs, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { AreaSelect } from "../../../components/AreaSelect";
import { BarChart, type BarDatum } from "../../../components/BarChart";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import type { OfficeStatsRowFragment, SuggestionStatsGroupBy } from "../../../gql/graphql";
import { useViewer } from "../../../session/ViewerProvider";
import { useStaffScope } from "../../admin/scope";
import { useWorkbenchChanges } from "../department/live";
import { shanghaiToday } from "../shared/dates";
import { OfficeStatsDocument, OfficeStatsTrendDocument } from "./documents";
import { formatMonth, isIsoDate, type Period, PRESETS, type Preset, presetOf, presetPeriod } from "./period";
import { StatsFigures } from "./StatsFigures";
import { StatsTable } from "./StatsTable";
import { SuggestionList } from "./SuggestionList";
import { TrendChart } from "./TrendChart";
import { type PostOption, usePostOptions } from "./usePostOptions";

const GROUPS: SuggestionStatsGroupBy[] = ["POST", "DEPUTY", "DEPARTMENT", "CATEGORY", "MONTH"];
const isGroup = (value: string | null): value is SuggestionStatsGroupBy =>
  GROUPS.includes(value as SuggestionStatsGroupBy);
/** Bars beyond this many groups would not be read; the table has them all. */
const CHART_GROUPS = 15;

/**
 * Whose figures: STAFF — the areas where they are staff, with an area filter and the list of
 * suggestions; DEPUTY — the posts where they serve (the server scopes the statistics the same way),
 * their list being the workbench.
 */
export type DashboardScope = "STAFF" | "DEPUTY";

/** The posts where the viewer is a deputy, for the post filter. */
function useDeputyPostOptions(): PostOption[] {
  const { viewer } = useViewer();
  const seen = new Set<string>();
  return viewer.roles.flatMap((r) =>
    r.role === "DEPUTY" && r.post && !seen.has(r.post.id) && seen.add(r.post.id)
      ? [{ value: r.post.id, label: r.post.name }]
      : [],
  );
}

/**
 * 意见建议统计: the figures of any period for the annual report, charts, exports; and, for staff,
 * the list. Live. Staff reach it under 街道管理, deputies under 人大代表 (scope DEPUTY).
 */
export function SuggestionDashboardPage({ scope = "STAFF" }: { scope?: DashboardScope }) {
  return scope === "DEPUTY" ? <DeputyDashboard /> : <StaffDashboard />;
}

/** The deputy's route (人大代表 → 建议统计): the same dashboard, scoped to their posts. */
export function DeputyStatisticsPage() {
  return <SuggestionDashboardPage scope="DEPUTY" />;
}

function DeputyDashboard() {
  const { t } = useTranslation();
  const posts = useDeputyPostOptions();
  if (!posts.length) {
    return <Result status="403" title={t("suggestDeputy.stats.deputiesOnly")} />;
  }
  return (
    <Page title={t("suggestDeputy.stats.title")} description={t("suggestDeputy.stats.lead")}>
      <StatisticsPanel posts={posts} withAreas={false} />
    </Page>
  );
}

function StaffDashboard() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "list" ? "list" : "stats";
  const { roots } = useStaffScope();
  const posts = usePostOptions(roots.map((r) => r.id));

  const setTab = (next: string) => {
    const copy = new URLSearchParams(params);
    if (next === "list") copy.set("tab", "list");
    else copy.delete("tab");
    setParams(copy, { replace: true });
  };

  return (
    <Page title={t("suggestOffice.stats.title")} description={t("suggestOffice.stats.lead")}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        className="sd-tabs"
        items={[
          { key: "stats", label: t("suggestOffice.stats.tab"), children: <StatisticsPanel posts={posts} withAreas /> },
          { key: "list", label: t("suggestOffice.list.tab"), children: <SuggestionList posts={posts} /> },
        ]}
        destroyOnHidden
      />
    </Page>
  );
}

function StatisticsPanel({ posts, withAreas }: { posts: readonly PostOption[]; withAreas: boolean }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { roots } = useStaffScope();
  const today = shanghaiToday();
  const fallback = presetPeriod("THIS_YEAR", today);
  const from = isIsoDate(params.get("from")) ? (params.get("from") as string) : fallback.from;
  const to = isIsoDate(params.get("to")) ? (params.get("to") as string) : fallback.to;
  const groupBy: SuggestionStatsGroupBy = isGroup(params.get("by"))
    ? (params.get("by") as SuggestionStatsGroupBy)
    : "POST";
  const areaId = withAreas ? params.get("area") : null;
  const postId = params.get("post");
  const preset = presetOf({ from, to }, today);
  const valid = from <= to;
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  const update = (patch: Record<string, string | null>) => {
    const copy = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) copy.set(key, value);
      else copy.delete(key);
    }
    setParams(copy, { replace: true });
  };
  const choosePeriod = (period: Period) => update({ from: period.from, to: period.to });

  const scope = { areaId: areaId || null, postId: postId || null };
  const [stats, reexecuteStats] = useQuery({
    query: OfficeStatsDocument,
    variables: { from, to, groupBy, ...scope },
    requestPolicy: "cache-and-network",
    pause: !valid,
  });
  const [trend, reexecuteTrend] = useQuery({
    query: OfficeStatsTrendDocument,
    variables: { from, to, ...scope },
    requestPolicy: "cache-and-network",
    pause: !valid || groupBy === "MONTH",
  });
  const refresh = useCallback(() => {
    reexecuteStats({ requestPolicy: "network-only" });
    if (groupBy !== "MONTH") reexecuteTrend({ requestPolicy: "network-only" });
    setUpdatedAt(new Date());
  }, [reexecuteStats, reexecuteTrend, groupBy]);
  // A step anywhere in the staff's areas changes the figures: refetch, at most every 2 seconds.
  useWorkbenchChanges(refresh, { debounceMs: 2000 });

  const data = stats.data?.suggestionStatistics;
  const labelOf = useCallback(
    (row: Pick<OfficeStatsRowFragment, "key" | "label">) => {
      if (row.key === "total") return t("suggestOffice.stats.total");
      if (groupBy === "CATEGORY") return t(`suggestion.category.${row.key as "OTHER"}`);
      if (groupBy === "MONTH") return formatMonth(row.key, i18n.language);
      if (groupBy === "DEPUTY" && row.key === "none") return t("suggestOffice.stats.undecided");
      return row.label;
    },
    [groupBy, t, i18n.language],
  );
  const monthly = groupBy === "MONTH" ? data?.rows : trend.data?.suggestionStatistics.rows;
  const trendSeries = useMemo(() => {
    if (!monthly) return null;
    return {
      labels: monthly.map((r) =>
        formatMonth(r.key, i18n.language, monthly.length <= 12 && from.slice(0, 4) === to.slice(0, 4)),
      ),
      series: [
        { name: t("suggestOffice.stats.column.received"), values: monthly.map((r) => r.received), color: "#1a5fb4" },
        { name: t("suggestOffice.stats.column.closed"), values: monthly.map((r) => r.closed), color: "#2f9e5b" },
        {
          name: t("suggestOffice.stats.column.overdue"),
          values: monthly.map((r) => r.overdue),
          color: "#c0392b",
          line: true,
        },
      ],
    };
  }, [monthly, i18n.language, t, from, to]);
  const trendWords = monthly
    ?.map((r) =>
      t("suggestOffice.stats.trendWords", {
        month: formatMonth(r.key, i18n.language),
        received: r.received,
        closed: r.closed,
      }),
    )
    .join("；");
  const bars: BarDatum[] = useMemo(
    () =>
      (data?.rows ?? [])
        .filter((r) => groupBy === "CATEGORY" || r.received > 0)
        .slice(0, CHART_GROUPS)
        .map((r) => ({
          label: labelOf(r),
          value: r.received,
          caption: t("suggestOffice.stats.barCaption", { received: r.received, closed: r.closed }),
        })),
    [data, groupBy, labelOf, t],
  );

  return (
    <Flex vertical gap={16}>
      <Card size="small" className="sd-controls">
        <Flex vertical gap={12}>
          <Flex gap={8} wrap align="center">
            <Segmented
              value={preset ?? "CUSTOM"}
              onChange={(value) => {
                if (value !== "CUSTOM") choosePeriod(presetPeriod(value as Preset, today));
              }}
              options={[
                ...PRESETS.map((p) => ({ value: p, label: t(`suggestOffice.stats.preset.${p}`) })),
                { value: "CUSTOM", label: t("suggestOffice.stats.preset.CUSTOM"), disabled: true },
              ]}
              className="status-filter"
            />
            <Space.Compact className="sd-range">
              <Input
                type="date"
                value={from}
                max={to}
                onChange={(e) => isIsoDate(e.target.value) && update({ from: e.target.value })}
                aria-label={t("suggestOffice.stats.from")}
              />
              <Input
                type="date"
                value={to}
                min={from}
                onChange={(e) => isIsoDate(e.target.value) && update({ to: e.target.value })}
                aria-label={t("suggestOffice.stats.to")}
              />
            </Space.Compact>
          </Flex>
          <Row gutter={[12, 12]}>
            {withAreas && (
              <Col xs={24} md={8}>
                <AreaSelect
                  roots={roots}
                  value={areaId}
                  onChange={(value) => update({ area: value })}
                  allowClear
                  placeholder={t("suggestOffice.stats.allAreas")}
                  aria-label={t("suggestOffice.stats.area")}
                />
              </Col>
            )}
            <Col xs={24} md={8}>
              <Select<string | null>
                allowClear
                value={postId}
                onChange={(value) => update({ post: value ?? null })}
                placeholder={t("suggestOffice.stats.allPosts")}
                aria-label={t("suggestOffice.stats.post")}
                options={[...posts]}
                style={{ width: "100%" }}
              />
            </Col>
            <Col xs={24} md={8}>
              <Flex gap={8} align="center" justify="flex-end" className="sd-live" wrap>
                <span className="sd-live-dot" aria-hidden />
                <Typography.Text type="secondary">
                  {updatedAt
                    ? t("suggestOffice.stats.liveUpdated", {
                        time: updatedAt.toLocaleTimeString(i18n.language === "en" ? "en-GB" : "zh-CN", {
                          timeZone: "Asia/Shanghai",
                        }),
                      })
                    : t("suggestOffice.stats.live")}
                </Typography.Text>
                <Button
                  size="small"
                  icon={<SyncOutlined />}
                  onClick={refresh}
                  aria-label={t("suggestOffice.stats.refresh")}
                />
              </Flex>
            </Col>
          </Row>
        </Flex>
      </Card>
      {!valid && <Alert type="error" showIcon title={t("suggestOffice.stats.badRange")} />}
      <QueryState fetching={stats.fetching} error={stats.error} hasData={Boolean(data)} onRetry={refresh} rows={8}>
        {data && (
          <Flex vertical gap={16}>
            <StatsFigures stats={data} />
            <Card size="small" title={t("suggestOffice.stats.trendTitle")} className="sd-card" data-testid="trend-card">
              {trendSeries && (
                <TrendChart labels={trendSeries.labels} series={trendSeries.series} ariaLabel={trendWords ?? ""} />
              )}
            </Card>
            <Card
              size="small"
              className="sd-card"
              title={t("suggestOffice.stats.byGroup")}
              extra={
                <Segmented
                  size="small"
                  value={groupBy}
                  onChange={(value) => update({ by: value === "POST" ? null : (value as string) })}
                  options={GROUPS.map((g) => ({ value: g, label: t(`suggestOffice.stats.groupBy.${g}`) }))}
                  className="sd-group-switch"
                />
              }
              data-testid="group-card"
            >
              <Flex vertical gap={16}>
                {groupBy !== "MONTH" &&
                  (bars.length ? (
                    <BarChart
                      data={bars}
                      fontSize={14}
                      ariaLabel={bars.map((b) => `${b.label}：${b.caption}`).join("；")}
                      className="sd-bars"
                    />
                  ) : (
                    <Typography.Text type="secondary">{t("suggestOffice.stats.noGroups")}</Typography.Text>
                  ))}
                {groupBy !== "MONTH" && data.rows.length > CHART_GROUPS && (
                  <Typography.Text type="secondary">
                    {t("suggestOffice.stats.chartTop", { count: CHART_GROUPS })}
                  </Typography.Text>
                )}
                {groupBy === "DEPARTMENT" && (
                  <Typography.Text type="secondary">{t("suggestOffice.stats.departmentNote")}</Typography.Text>
                )}
                <StatsTable groupBy={groupBy} rows={data.rows} total={data.total} labelOf={labelOf} />
              </Flex>
            </Card>
            <Card size="small" className="sd-card" title={t("suggestOffice.stats.exports")} data-testid="exports">
              <Flex vertical gap={12}>
                <Flex gap={8} wrap>
                  <Button href={data.csvUrl} icon={<DownloadOutlined />} download data-testid="export-csv">
                    {t("suggestOffice.stats.exportCsv")}
                  </Button>
                  <Button href={data.xlsxUrl} icon={<FileExcelOutlined />} download>
                    {t("suggestOffice.stats.exportXlsx")}
                  </Button>
                  <Button href={data.listCsvUrl} icon={<DownloadOutlined />} download>
                    {t("suggestOffice.stats.exportListCsv")}
                  </Button>
                  <Button href={data.listXlsxUrl} icon={<FileExcelOutlined />} download>
                    {t("suggestOffice.stats.exportListXlsx")}
                  </Button>
                </Flex>
                <Typography.Text type="secondary">{t("suggestOffice.stats.exportNote")}</Typography.Text>
              </Flex>
            </Card>
            <Typography.Paragraph type="secondary" className="sd-definitions">
              {t("suggestOffice.stats.definitions")}
            </Typography.Paragraph>
          </Flex>
        )}
      </QueryState>
    </Flex>
  );
}
