import { Table, type TableColumnsType, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { OfficeStatsRowFragment, SuggestionStatsGroupBy } from "../../../gql/graphql";
import { percentText } from "./StatsFigures";

type Row = OfficeStatsRowFragment;
type CountColumn = "received" | "accepted" | "declined" | "transferred" | "replied" | "closed" | "rated";

const byNumber = (pick: (row: Row) => number) => (a: Row, b: Row) => pick(a) - pick(b);
const byDecimal = (pick: (row: Row) => string | null | undefined) => (a: Row, b: Row) =>
  Number(pick(a) ?? -1) - Number(pick(b) ?? -1);

interface StatsTableProps {
  groupBy: SuggestionStatsGroupBy;
  rows: readonly Row[];
  total: Row;
  /** The row's name as shown (translated categories and months). */
  labelOf(row: Row): string;
}

/** One line per group with every figure, the period's total at the foot; sortable by any column. */
export function StatsTable({ groupBy, rows, total, labelOf }: StatsTableProps) {
  const { t } = useTranslation();
  const sortable = groupBy !== "MONTH";
  const count = (key: CountColumn, pick: (row: Row) => number, width = 72) => ({
    key,
    title: t(`suggestOffice.stats.column.${key}`),
    align: "right" as const,
    width,
    render: (_: unknown, row: Row) => pick(row),
    sorter: sortable ? byNumber(pick) : undefined,
  });
  const columns: TableColumnsType<Row> = [
    {
      key: "label",
      title: t(`suggestOffice.stats.groupBy.${groupBy}`),
      fixed: "left",
      width: 150,
      render: (_, row) => <Typography.Text strong>{labelOf(row)}</Typography.Text>,
    },
    count("received", (r) => r.received),
    count("accepted", (r) => r.accepted),
    count("declined", (r) => r.declined, 84),
    count("transferred", (r) => r.transferred),
    count("replied", (r) => r.replied),
    count("closed", (r) => r.closed),
    {
      key: "closureRate",
      title: t("suggestOffice.stats.column.closureRate"),
      align: "right",
      width: 90,
      render: (_, row) => (
        <Tooltip title={`${row.closureRate.numerator} / ${row.closureRate.denominator}`}>
          {percentText(row.closureRate.percent)}
        </Tooltip>
      ),
      sorter: sortable ? byDecimal((r) => r.closureRate.percent) : undefined,
    },
    count("rated", (r) => r.rated),
    {
      key: "satisfactionRate",
      title: t("suggestOffice.stats.column.satisfactionRate"),
      align: "right",
      width: 90,
      render: (_, row) => (
        <Tooltip
          title={t("suggestOffice.stats.satisfactionBreakdown", {
            satisfied: row.satisfied,
            basically: row.basicallySatisfied,
            unsatisfied: row.unsatisfied,
          })}
        >
          {percentText(row.satisfactionRate.percent)}
        </Tooltip>
      ),
      sorter: sortable ? byDecimal((r) => r.satisfactionRate.percent) : undefined,
    },
    {
      key: "averageDays",
      title: t("suggestOffice.stats.column.averageDays"),
      align: "right",
      width: 100,
      render: (_, row) => row.averageHandlingWorkingDays ?? "—",
      sorter: sortable ? byDecimal((r) => r.averageHandlingWorkingDays) : undefined,
    },
    {
      key: "overdue",
      title: t("suggestOffice.stats.column.overdue"),
      align: "right",
      width: 72,
      render: (_, row) => (row.overdue ? <Typography.Text type="danger">{row.overdue}</Typography.Text> : 0),
      sorter: sortable ? byNumber((r) => r.overdue) : undefined,
    },
  ];

  const cells = [
    total.received,
    total.accepted,
    total.declined,
    total.transferred,
    total.replied,
    total.closed,
    percentText(total.closureRate.percent),
    total.rated,
    percentText(total.satisfactionRate.percent),
    total.averageHandlingWorkingDays ?? "—",
    total.overdue,
  ];

  return (
    <Table<Row>
      className="sd-table"
      data-testid="stats-table"
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      scroll={{ x: 1080 }}
      summary={() => (
        <Table.Summary>
          <Table.Summary.Row className="sd-total-row">
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t("suggestOffice.stats.total")}</Typography.Text>
            </Table.Summary.Cell>
            {cells.map((value, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; the index is the column
              <Table.Summary.Cell key={index} index={index + 1} align="right">
                <Typography.Text strong>{value}</Typography.Text>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
