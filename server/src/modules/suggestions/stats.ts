import type { Viewer } from "../../auth/viewer.js";
import type { Context } from "../../context.js";
import { forbidden, invalid, unauthenticated } from "../../errors.js";
import type { Prisma, Satisfaction, SuggestionCategory } from "../../generated/prisma/client.js";
import { SuggestionCategory as Categories } from "../../generated/prisma/enums.js";
import { type ReceptionFigures, receptionFigures } from "../receptions/figures.js";
import {
  addDays,
  calendarFor,
  fromDbDate,
  type IsoDate,
  isIsoDate,
  shanghaiDate,
  startOfShanghaiDay,
  type WorkCalendar,
  workingDaysBetween,
} from "./calendar.js";
import { CATEGORY_LABELS } from "./service.js";

// Statistics of suggestions for the annual report (接待、收集、受理、办结、满意率 …), computed from the
// records themselves so they always equal a recount. The definitions are written once, here, and
// repeated in the GraphQL descriptions.

export type StatsGroupBy = "POST" | "DEPUTY" | "DEPARTMENT" | "CATEGORY" | "MONTH";

/** The figures of one group (or of the whole period). All counts are of suggestions. */
export interface StatsFigures {
  received: number;
  accepted: number;
  declined: number;
  transferred: number;
  replied: number;
  closed: number;
  rated: number;
  /** Of the rated, those whose latest rating a deputy took by phone (电话回访). */
  ratedByPhone: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  overdue: number;
  /** Sum over closed suggestions of their handling working days. */
  handlingWorkingDaysTotal: number;
}

export interface StatsRow extends StatsFigures {
  /** The group: a post, deputy or department id, a category, a month (YYYY-MM), or "none". */
  key: string;
  label: string;
}

export interface SuggestionStatistics {
  from: IsoDate;
  to: IsoDate;
  /** The date the figures stand at: `to`, or today while the period is running. */
  asOf: IsoDate;
  groupBy: StatsGroupBy;
  total: StatsRow;
  rows: StatsRow[];
  /** The reception days of the same posts and areas in the period. */
  receptions: ReceptionFigures;
}

export const STATS_DEFINITIONS = {
  period:
    "A suggestion belongs to the period when it was received (created) on a date from `from` to `to` inclusive (Asia/Shanghai). Every figure is about those suggestions, as they stood at the end of `to` (or now, while the period is still running): later steps do not change a past period's figures.",
  received: "Suggestions received in the period (online or recorded at a reception).",
  accepted: "Of those, accepted (受理) by the end of the period.",
  declined: "Of those, declined (不予受理) by the end of the period.",
  transferred: "Of those, transferred (转办) to at least one department by the end of the period.",
  replied: "Of those, replied to (答复) at least once by the end of the period.",
  closed: "Of those, closed (办结) by the end of the period.",
  closureRate: "办结率 = closed / accepted.",
  rated:
    "Of those, rated by the end of the period — by the submitter, or by phone (a deputy's call to a submitter without an account, entered on their behalf); each counts once, with its latest rating.",
  ratedByPhone: "Of the rated, those whose latest rating was taken by phone (电话回访).",
  satisfactionRate: "满意率 = (满意 + 基本满意) / rated, each suggestion by its latest rating.",
  averageHandlingWorkingDays:
    "Mean, over the closed ones, of the working days from the date received to the date closed (the receiving day not counted; weekends, public holidays and the street office's calendar overrides excluded).",
  overdue:
    "Of those, suggestions with at least one transfer (any round, not sent back) that was finished after its due date, or still open past it at the end of the period. Grouped by department: that department's own transfers.",
  groups:
    "POST: the post it was submitted to. DEPUTY: the deputy (or staff member) who accepted or declined it; not yet decided: key none. DEPARTMENT: each department it was transferred to and did not send back — a suggestion handled by several departments counts in each, so department rows do not add up to the total. CATEGORY: its category. MONTH: the month it was received.",
} as const;

/** n / d to `places` decimals, rounded half up, in integer arithmetic. */
export function decimal(numerator: number, denominator: number, places = 2): string {
  if (denominator <= 0) throw new RangeError("decimal: denominator must be positive");
  const scale = 10n ** BigInt(places);
  const n = BigInt(numerator) * scale;
  const d = BigInt(denominator);
  const rounded = (2n * n + d) / (2n * d);
  const whole = rounded / scale;
  const fraction = (rounded % scale).toString().padStart(places, "0");
  return places > 0 ? `${whole}.${fraction}` : `${whole}`;
}

export interface Ratio {
  numerator: number;
  denominator: number;
  /** Percentage, 2 decimals, rounded half up; null when the denominator is 0. */
  percent: string | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, percent: denominator > 0 ? decimal(numerator * 100, denominator, 2) : null };
}

export const closureRate = (row: StatsFigures) => ratio(row.closed, row.accepted);
export const satisfactionRate = (row: StatsFigures) => ratio(row.satisfied + row.basicallySatisfied, row.rated);
export const averageHandlingWorkingDays = (row: StatsFigures) =>
  row.closed > 0 ? decimal(row.handlingWorkingDaysTotal, row.closed, 2) : null;

// ───────────────────────────── who sees which suggestions ─────────────────────────────

/** Posts where the viewer is a deputy. */
export function deputyPostIds(viewer: Viewer): number[] {
  return [
    ...new Set(viewer.roles.filter((r) => r.role === "DEPUTY" && r.postId !== null).map((r) => r.postId as number)),
  ];
}

export interface ScopeFilters {
  postId?: number | null;
  areaId?: number | null;
}

/**
 * Suggestions whose figures the viewer may see: those of posts where they are a deputy and those
 * in areas where they are staff. Refused for anyone else, and for a post or area outside that.
 */
export async function statisticsScope(
  ctx: Pick<Context, "prisma" | "viewer">,
  filters: ScopeFilters = {},
): Promise<Prisma.SuggestionWhereInput> {
  const viewer = ctx.viewer;
  if (!viewer.signedIn) throw unauthenticated();
  const staffPaths = viewer.staffAreaPaths();
  const posts = deputyPostIds(viewer);
  if (!staffPaths.length && !posts.length) throw forbidden("只有街道工作人员和人大代表可以查看统计");
  const and: Prisma.SuggestionWhereInput[] = [
    {
      OR: [
        ...staffPaths.map((path) => ({ area: { path: { startsWith: path } } })),
        ...(posts.length ? [{ postId: { in: posts } }] : []),
      ],
    },
  ];
  if (filters.postId) {
    const post = await ctx.prisma.liaisonPost.findUnique({ where: { id: filters.postId }, include: { area: true } });
    if (!post) throw invalid("postId", "站点不存在");
    if (!posts.includes(post.id) && !viewer.isStaffFor(post.area.path))
      throw forbidden("只能查看本人所在站点或负责区域的统计");
    and.push({ postId: post.id });
  }
  if (filters.areaId) {
    const area = await ctx.prisma.area.findUnique({ where: { id: filters.areaId } });
    if (!area) throw invalid("areaId", "区域不存在");
    if (!viewer.isStaffFor(area.path) && !posts.length) throw forbidden("只能查看本人负责区域的统计");
    and.push({ area: { path: { startsWith: area.path } } });
  }
  return { AND: and };
}

export function parsePeriod(from: string, to: string): { from: IsoDate; to: IsoDate } {
  if (!isIsoDate(from)) throw invalid("from", "日期格式应为 YYYY-MM-DD");
  if (!isIsoDate(to)) throw invalid("to", "日期格式应为 YYYY-MM-DD");
  if (to < from) throw invalid("to", "结束日期不能早于开始日期");
  if (Date.parse(to) - Date.parse(from) > 5 * 366 * 86_400_000) throw invalid("to", "统计区间不超过5年");
  return { from, to };
}

// ───────────────────────────── the count ─────────────────────────────

const zero = (): StatsFigures => ({
  received: 0,
  accepted: 0,
  declined: 0,
  transferred: 0,
  replied: 0,
  closed: 0,
  rated: 0,
  ratedByPhone: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  unsatisfied: 0,
  overdue: 0,
  handlingWorkingDaysTotal: 0,
});

/** One suggestion as it stood at the cutoff. */
export interface Facts {
  accepted: boolean;
  declined: boolean;
  transferred: boolean;
  replied: boolean;
  closed: boolean;
  rating: Satisfaction | null;
  ratedByPhone: boolean;
  handlingWorkingDays: number | null;
  overdue: boolean;
}

function add(into: StatsFigures, facts: Facts, overdue = facts.overdue) {
  into.received += 1;
  if (facts.accepted) into.accepted += 1;
  if (facts.declined) into.declined += 1;
  if (facts.transferred) into.transferred += 1;
  if (facts.replied) into.replied += 1;
  if (facts.closed) {
    into.closed += 1;
    into.handlingWorkingDaysTotal += facts.handlingWorkingDays ?? 0;
  }
  if (facts.rating) {
    into.rated += 1;
    if (facts.ratedByPhone) into.ratedByPhone += 1;
    if (facts.rating === "SATISFIED") into.satisfied += 1;
    else if (facts.rating === "BASICALLY_SATISFIED") into.basicallySatisfied += 1;
    else into.unsatisfied += 1;
  }
  if (overdue) into.overdue += 1;
}

const before = (at: Date | null, cutoff: Date): at is Date => at !== null && at < cutoff;

function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

function monthLabel(key: string): string {
  const [year, month] = key.split("-");
  return `${year}年${Number(month)}月`;
}

/** The suggestions of a period, loaded for counting (also the rows of the list export). */
export async function loadPeriod(
  ctx: Pick<Context, "prisma" | "viewer">,
  options: { from: IsoDate; to: IsoDate } & ScopeFilters,
) {
  const scope = await statisticsScope(ctx, options);
  return ctx.prisma.suggestion.findMany({
    where: {
      AND: [
        scope,
        { createdAt: { gte: startOfShanghaiDay(options.from), lt: startOfShanghaiDay(addDays(options.to, 1)) } },
      ],
    },
    select: {
      id: true,
      title: true,
      category: true,
      channel: true,
      status: true,
      round: true,
      createdAt: true,
      acceptedAt: true,
      declinedAt: true,
      closedAt: true,
      allowPublish: true,
      postId: true,
      post: { select: { name: true } },
      area: { select: { name: true } },
      transfers: {
        select: {
          departmentId: true,
          role: true,
          round: true,
          status: true,
          dueOn: true,
          transferredAt: true,
          returnedAt: true,
          completedAt: true,
          department: { select: { name: true } },
        },
        orderBy: { id: "asc" },
      },
      replies: { select: { round: true, createdAt: true }, orderBy: { round: "asc" } },
      ratings: {
        select: { round: true, satisfaction: true, byPhone: true, createdAt: true },
        orderBy: { round: "asc" },
      },
    },
    orderBy: { id: "asc" },
  });
}

export type PeriodSuggestion = Awaited<ReturnType<typeof loadPeriod>>[number];

/** A suggestion as it stood at the cutoff (see STATS_DEFINITIONS). */
export function factsAt(s: PeriodSuggestion, clock: { cutoff: Date; asOf: IsoDate; calendar: WorkCalendar }) {
  const { cutoff, asOf, calendar } = clock;
  // Transfers as they stood at the cutoff: made by then, and not sent back by then.
  const transfers = s.transfers.filter(
    (t) => before(t.transferredAt, cutoff) && !(t.status === "RETURNED" && before(t.returnedAt, cutoff)),
  );
  const transferOverdue = (t: (typeof transfers)[number]) => {
    const finished = t.status === "DONE" && before(t.completedAt, cutoff) ? shanghaiDate(t.completedAt) : asOf;
    return finished > fromDbDate(t.dueOn);
  };
  const ratings = s.ratings.filter((r) => before(r.createdAt, cutoff));
  const closed = before(s.closedAt, cutoff);
  const facts: Facts = {
    accepted: before(s.acceptedAt, cutoff),
    declined: before(s.declinedAt, cutoff),
    transferred: s.transfers.some((t) => before(t.transferredAt, cutoff)),
    replied: s.replies.some((r) => before(r.createdAt, cutoff)),
    closed,
    rating: ratings.at(-1)?.satisfaction ?? null,
    ratedByPhone: ratings.at(-1)?.byPhone ?? false,
    handlingWorkingDays: closed
      ? workingDaysBetween(calendar, shanghaiDate(s.createdAt), shanghaiDate(s.closedAt as Date))
      : null,
    overdue: transfers.some(transferOverdue),
  };
  return { facts, transfers, transferOverdue };
}

/** The end of a period as the figures see it: the end of `to`, or now while it runs. */
export function periodCutoff(to: IsoDate, now: Date): { cutoff: Date; asOf: IsoDate } {
  const endOfPeriod = startOfShanghaiDay(addDays(to, 1));
  const cutoff = endOfPeriod < now ? endOfPeriod : now;
  return { cutoff, asOf: shanghaiDate(new Date(cutoff.getTime() - 1)) };
}

/** The statistics of a period, grouped. See STATS_DEFINITIONS. */
export async function suggestionStatistics(
  ctx: Pick<Context, "prisma" | "viewer">,
  options: { from: string; to: string; groupBy: StatsGroupBy } & ScopeFilters,
  now: Date = new Date(),
): Promise<SuggestionStatistics> {
  const { from, to } = parsePeriod(options.from, options.to);
  const { cutoff, asOf } = periodCutoff(to, now);
  const calendar = await calendarFor(ctx);
  const suggestions = await loadPeriod(ctx, { ...options, from, to });

  // Who decided (accepted or declined) each one: the actor of its first step out of SUBMITTED.
  const deciders = new Map<number, { key: string; label: string }>();
  if (options.groupBy === "DEPUTY" && suggestions.length) {
    const decisions = await ctx.prisma.auditEvent.findMany({
      where: {
        subjectType: "SUGGESTION",
        subjectId: { in: suggestions.map((s) => s.id) },
        fromStatus: "SUBMITTED",
        toStatus: { in: ["ACCEPTED", "DECLINED"] },
        at: { lt: cutoff },
      },
      select: {
        subjectId: true,
        actorId: true,
        actor: { select: { displayName: true, deputyProfile: { select: { name: true } } } },
      },
      orderBy: { id: "asc" },
    });
    for (const d of decisions) {
      if (deciders.has(d.subjectId) || d.actorId === null) continue;
      deciders.set(d.subjectId, {
        key: String(d.actorId),
        label: d.actor?.deputyProfile?.name ?? d.actor?.displayName ?? String(d.actorId),
      });
    }
  }

  const total: StatsRow = { key: "total", label: "合计", ...zero() };
  const groups = new Map<string, StatsRow>();
  const group = (key: string, label: string) => {
    let row = groups.get(key);
    if (!row) {
      row = { key, label, ...zero() };
      groups.set(key, row);
    }
    return row;
  };
  if (options.groupBy === "MONTH") for (const month of monthsBetween(from, to)) group(month, monthLabel(month));
  if (options.groupBy === "CATEGORY")
    for (const category of Object.values(Categories)) group(category, CATEGORY_LABELS[category]);

  for (const s of suggestions) {
    const { facts, transfers, transferOverdue } = factsAt(s, { cutoff, asOf, calendar });
    add(total, facts);
    switch (options.groupBy) {
      case "POST":
        add(group(String(s.postId), s.post.name), facts);
        break;
      case "CATEGORY":
        add(group(s.category, CATEGORY_LABELS[s.category as SuggestionCategory]), facts);
        break;
      case "MONTH": {
        const month = shanghaiDate(s.createdAt).slice(0, 7);
        add(group(month, monthLabel(month)), facts);
        break;
      }
      case "DEPUTY": {
        const decider = deciders.get(s.id) ?? { key: "none", label: "未受理" };
        add(group(decider.key, decider.label), facts);
        break;
      }
      case "DEPARTMENT": {
        const byDepartment = new Map<number, { name: string; overdue: boolean }>();
        for (const t of transfers) {
          const seen = byDepartment.get(t.departmentId);
          byDepartment.set(t.departmentId, {
            name: t.department.name,
            overdue: (seen?.overdue ?? false) || transferOverdue(t),
          });
        }
        for (const [departmentId, d] of byDepartment) add(group(String(departmentId), d.name), facts, d.overdue);
        break;
      }
    }
  }

  const rows = [...groups.values()];
  if (options.groupBy === "POST" || options.groupBy === "DEPUTY" || options.groupBy === "DEPARTMENT") {
    rows.sort(
      (a, b) => b.received - a.received || a.label.localeCompare(b.label, "zh-CN") || a.key.localeCompare(b.key),
    );
  }
  const receptions = await receptionFigures(ctx, { from, to, cutoff, postId: options.postId, areaId: options.areaId });
  return { from, to, asOf, groupBy: options.groupBy, total, rows, receptions };
}
