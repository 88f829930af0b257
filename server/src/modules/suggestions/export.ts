import type { IncomingMessage, ServerResponse } from "node:http";
import ExcelJS from "exceljs";
import { loadViewer, readToken } from "../../auth/session.js";
import type { Viewer } from "../../auth/viewer.js";
import { AppError, ErrorCode, invalid } from "../../errors.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Logger } from "../../logger.js";
import { parseId } from "../shared/ids.js";
import { calendarFor, fromDbDate, shanghaiDate } from "./calendar.js";
import { CATEGORY_LABELS, SATISFACTION_LABELS, STATUS_LABELS } from "./service.js";
import {
  averageHandlingWorkingDays,
  closureRate,
  factsAt,
  loadPeriod,
  parsePeriod,
  periodCutoff,
  STATS_DEFINITIONS,
  type StatsGroupBy,
  type StatsRow,
  type SuggestionStatistics,
  satisfactionRate,
  suggestionStatistics,
} from "./stats.js";

// Downloads for the annual report: the statistics and the list of suggestions of a period, as CSV
// (UTF-8 with a byte-order mark, so Excel shows the Chinese right) or Excel. Authorised exactly as
// the statistics query: the session cookie or a bearer token; staff for their areas, deputies for
// their posts. The list leaves out personal data (names, phones, the text itself): titles, status
// and handling only.

export type ExportFormat = "csv" | "xlsx";

export interface Table {
  sheet: string;
  /** Columns with a numFmt hold exact decimals as strings ("66.67"): numbers in Excel, text in CSV. */
  columns: { header: string; width?: number; numFmt?: string }[];
  rows: (string | number | null)[][];
  /** A second sheet: what the figures mean. */
  notes?: [string, string][];
}

const GROUP_HEADERS: Record<StatsGroupBy, string> = {
  POST: "站点",
  DEPUTY: "代表",
  DEPARTMENT: "承办部门",
  CATEGORY: "类别",
  MONTH: "月份",
};

/** The statistics as a table, total last. Rates in percent. */
export function statisticsTable(stats: SuggestionStatistics): Table {
  const line = (row: StatsRow) => [
    row.label,
    row.received,
    row.accepted,
    row.declined,
    row.transferred,
    row.replied,
    row.closed,
    closureRate(row).percent,
    row.rated,
    row.ratedByPhone,
    row.satisfied,
    row.basicallySatisfied,
    row.unsatisfied,
    satisfactionRate(row).percent,
    averageHandlingWorkingDays(row),
    row.overdue,
  ];
  return {
    sheet: "意见建议统计",
    columns: [
      { header: GROUP_HEADERS[stats.groupBy], width: 24 },
      { header: "收到" },
      { header: "受理" },
      { header: "不予受理" },
      { header: "转办" },
      { header: "答复" },
      { header: "办结" },
      { header: "办结率(%)", numFmt: "0.00" },
      { header: "评价" },
      { header: "其中电话回访" },
      { header: "满意" },
      { header: "基本满意" },
      { header: "不满意" },
      { header: "满意率(%)", numFmt: "0.00" },
      { header: "平均办理工作日", numFmt: "0.00", width: 16 },
      { header: "超期" },
    ],
    rows: [...stats.rows.map(line), line(stats.total)],
    notes: [
      ["统计区间", `${stats.from} 至 ${stats.to}（截至 ${stats.asOf}）`],
      ["接待日", `${stats.receptions.held} 次`],
      [
        "接待选民",
        `${stats.receptions.visitors} 人次（其中预约到场 ${stats.receptions.attended} 人次；${stats.receptions.daysWithVisitorCount} 次接待日登记了接待人次，其余按预约到场计）`,
      ],
      ["接待日当面收集意见建议", `${stats.receptions.suggestionsRecorded} 条`],
      ...Object.entries(STATS_DEFINITIONS).map(([key, text]) => [key, text] as [string, string]),
    ],
  };
}

const CHANNEL_LABELS = { ONLINE: "网上提交", RECEPTION: "接待日登记" } as const;

/** The suggestions of a period, one row each, without personal data. */
export async function suggestionListTable(
  ctx: { prisma: PrismaClient; viewer: Viewer },
  options: { from: string; to: string; postId?: number | null; areaId?: number | null },
  now: Date = new Date(),
): Promise<Table> {
  const period = parsePeriod(options.from, options.to);
  const clock = { ...periodCutoff(period.to, now), calendar: await calendarFor(ctx) };
  const suggestions = await loadPeriod(ctx, { ...options, ...period });
  return {
    sheet: "意见建议清单",
    columns: [
      { header: "编号" },
      { header: "标题", width: 36 },
      { header: "类别" },
      { header: "站点", width: 24 },
      { header: "区域", width: 16 },
      { header: "渠道" },
      { header: "状态" },
      { header: "办理轮次" },
      { header: "收到日期", width: 12 },
      { header: "受理日期", width: 12 },
      { header: "办结日期", width: 12 },
      { header: "承办部门", width: 30 },
      { header: "办理期限", width: 12 },
      { header: "是否超期" },
      { header: "评价" },
      { header: "办理工作日" },
    ],
    rows: suggestions.map((s) => {
      const { facts, transfers } = factsAt(s, clock);
      const current = transfers.filter((t) => t.round === s.round);
      const due = current.map((t) => fromDbDate(t.dueOn)).sort()[0] ?? null;
      return [
        s.id,
        s.title,
        CATEGORY_LABELS[s.category],
        s.post.name,
        s.area.name,
        CHANNEL_LABELS[s.channel],
        STATUS_LABELS[s.status],
        s.round,
        shanghaiDate(s.createdAt),
        s.acceptedAt ? shanghaiDate(s.acceptedAt) : null,
        s.closedAt ? shanghaiDate(s.closedAt) : null,
        current.map((t) => `${t.department.name}（${t.role === "LEAD" ? "主办" : "协办"}）`).join("；") || null,
        due,
        facts.overdue ? "是" : "否",
        facts.rating ? SATISFACTION_LABELS[facts.rating] : null,
        facts.handlingWorkingDays,
      ];
    }),
  };
}

// ───────────────────────────── file formats ─────────────────────────────

/**
 * Text a spreadsheet would run as a formula (CSV injection): a title such as `=HYPERLINK(…)` typed
 * by a resident. Per OWASP, cells starting with = + - @ tab or carriage return get a leading `'`,
 * which Excel and LibreOffice show as text. Numbers are ours and stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark and CRLF line ends (what Excel expects). */
export function toCsv(table: Table): Buffer {
  const lines = [table.columns.map((c) => csvCell(c.header)), ...table.rows.map((row) => row.map(csvCell))];
  return Buffer.from(`\uFEFF${lines.map((cells) => cells.join(",")).join("\r\n")}\r\n`, "utf8");
}

export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "共治";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((c, index) => ({
    header: c.header,
    key: String(index),
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      row.map((cell, index) => (table.columns[index]?.numFmt && typeof cell === "string" ? Number(cell) : cell)),
    );
  }
  if (table.notes) {
    const notes = workbook.addWorksheet("说明");
    notes.columns = [
      { header: "项目", key: "key", width: 24 },
      { header: "说明", key: "text", width: 120 },
    ];
    notes.getRow(1).font = { bold: true };
    for (const [key, text] of table.notes) notes.addRow([key, text]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ───────────────────────────── the HTTP route ─────────────────────────────

export const EXPORT_PREFIX = "/exports/suggestions/";
const GROUPS: readonly StatsGroupBy[] = ["POST", "DEPUTY", "DEPARTMENT", "CATEGORY", "MONTH"];

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function statusOf(error: AppError): number {
  switch (error.code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    default:
      return 400;
  }
}

/**
 * GET /exports/suggestions/statistics.(csv|xlsx)?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=POST|DEPUTY|DEPARTMENT|CATEGORY|MONTH[&postId=&areaId=]
 * GET /exports/suggestions/list.(csv|xlsx)?from=…&to=…[&postId=&areaId=]
 * Returns false for any other path (the caller goes on).
 */
export async function handleSuggestionExport(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { prisma: PrismaClient; logger: Logger },
): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const match = /^\/exports\/suggestions\/(statistics|list)\.(csv|xlsx)$/.exec(url.pathname);
  if (!url.pathname.startsWith(EXPORT_PREFIX)) return false;
  if (!match) {
    sendJson(res, 404, { code: ErrorCode.NOT_FOUND, message: "Not found" });
    return true;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    sendJson(res, 405, { code: ErrorCode.VALIDATION, message: "Use GET" });
    return true;
  }
  const [, kind, format] = match as unknown as [string, "statistics" | "list", ExportFormat];
  try {
    const headers = { get: (name: string) => (req.headers[name.toLowerCase()] as string | undefined) ?? null };
    const viewer = await loadViewer(deps.prisma, readToken(headers));
    const ctx = { prisma: deps.prisma, viewer };
    const from = url.searchParams.get("from") ?? "";
    const to = url.searchParams.get("to") ?? "";
    const postParam = url.searchParams.get("postId");
    const areaParam = url.searchParams.get("areaId");
    const filters = {
      postId: postParam ? parseId(postParam, "postId") : null,
      areaId: areaParam ? parseId(areaParam, "areaId") : null,
    };
    let table: Table;
    if (kind === "statistics") {
      const groupBy = (url.searchParams.get("groupBy") ?? "POST").toUpperCase() as StatsGroupBy;
      if (!GROUPS.includes(groupBy)) throw invalid("groupBy", `groupBy 应为 ${GROUPS.join("、")} 之一`);
      table = statisticsTable(await suggestionStatistics(ctx, { from, to, groupBy, ...filters }));
    } else {
      table = await suggestionListTable(ctx, { from, to, ...filters });
    }
    const body = format === "csv" ? toCsv(table) : await toXlsx(table);
    const name = `${kind === "statistics" ? "意见建议统计" : "意见建议清单"}_${from}_${to}.${format}`;
    res.writeHead(200, {
      "content-type":
        format === "csv"
          ? "text/csv; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="suggestions-${kind}_${from}_${to}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "content-length": body.length,
      "cache-control": "private, no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch (error) {
    if (error instanceof AppError) {
      sendJson(res, statusOf(error), { code: error.code, message: error.message, field: error.field ?? null });
    } else {
      deps.logger.error({ err: error }, "suggestion export failed");
      sendJson(res, 500, { code: "INTERNAL_SERVER_ERROR", message: "Unexpected error" });
    }
  }
  return true;
}
