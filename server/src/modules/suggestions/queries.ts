import type { Context } from "../../context.js";
import { forbidden, invalid, unauthenticated } from "../../errors.js";
import type {
  Prisma,
  SuggestionCategory,
  SuggestionChannel,
  SuggestionStatus,
  TransferStatus,
} from "../../generated/prisma/client.js";
import { addDays, calendarFor, isIsoDate, startOfShanghaiDay, toDbDate, today } from "./calendar.js";
import { dueSoonRange } from "./deadlines.js";
import { OPEN_TRANSFER } from "./lifecycle.js";
import { deputyPostIds } from "./stats.js";

// The workbench lists: a deputy's inbox, a department's queue, staff's list. Authorisation is in
// the `where`: a list never holds a row its viewer may not handle.

export interface SuggestionFilter {
  postId?: number | null;
  areaId?: number | null;
  status?: readonly SuggestionStatus[] | null;
  category?: SuggestionCategory | null;
  channel?: SuggestionChannel | null;
  /** Has an open transfer past its due date. */
  overdue?: boolean | null;
  /** Has an open transfer due within DUE_SOON_WORKING_DAYS working days (not overdue). */
  dueSoon?: boolean | null;
  /** Under supervision now or before (a 不满意 opened another round). */
  supervised?: boolean | null;
  receivedFrom?: string | null;
  receivedTo?: string | null;
  search?: string | null;
}

export type SuggestionOrder = "URGENCY" | "NEWEST" | "OLDEST";

/**
 * URGENCY: by the date something is due on it (Suggestion.urgentOn, see refreshUrgency). While a
 * department handles it, its earliest open due date. While it waits for the post's deputies —
 * 受理, 转办 (again, after returns or 不满意), 电话回访, 办结 — three days after the wait began, so
 * a step the deputy owes since last week sorts among transfers overdue by days, and a fresh one
 * beside transfers due this week, never below those due weeks away. Equal dates: oldest first.
 * Nothing due (closed, declined, a resident's turn to rate) comes last.
 */
export function suggestionOrder(order: SuggestionOrder): Prisma.SuggestionOrderByWithRelationInput[] {
  switch (order) {
    case "URGENCY":
      return [{ urgentOn: { sort: "asc", nulls: "last" } }, { id: "asc" }];
    case "OLDEST":
      return [{ id: "asc" }];
    case "NEWEST":
      return [{ id: "desc" }];
  }
}

const openTransfers = { status: { in: [...OPEN_TRANSFER] } };

async function filterWhere(ctx: Context, filter: SuggestionFilter): Promise<Prisma.SuggestionWhereInput[]> {
  const and: Prisma.SuggestionWhereInput[] = [];
  const todayDate = today();
  if (filter.postId) and.push({ postId: filter.postId });
  if (filter.areaId) {
    const area = await ctx.prisma.area.findUnique({ where: { id: filter.areaId }, select: { path: true } });
    if (!area) throw invalid("filter.areaId", "区域不存在");
    and.push({ area: { path: { startsWith: area.path } } });
  }
  if (filter.status?.length) and.push({ status: { in: [...filter.status] } });
  if (filter.category) and.push({ category: filter.category });
  if (filter.channel) and.push({ channel: filter.channel });
  if (filter.supervised !== null && filter.supervised !== undefined) {
    and.push(filter.supervised ? { round: { gt: 1 } } : { round: 1 });
  }
  if (filter.overdue) {
    and.push({ transfers: { some: { ...openTransfers, dueOn: { lt: toDbDate(todayDate) } } } });
  }
  if (filter.dueSoon) {
    const range = dueSoonRange(await calendarFor(ctx), todayDate);
    and.push({ transfers: { some: { ...openTransfers, dueOn: range } } });
  }
  if (filter.receivedFrom) {
    if (!isIsoDate(filter.receivedFrom)) throw invalid("filter.receivedFrom", "日期格式应为 YYYY-MM-DD");
    and.push({ createdAt: { gte: startOfShanghaiDay(filter.receivedFrom) } });
  }
  if (filter.receivedTo) {
    if (!isIsoDate(filter.receivedTo)) throw invalid("filter.receivedTo", "日期格式应为 YYYY-MM-DD");
    and.push({ createdAt: { lt: startOfShanghaiDay(addDays(filter.receivedTo, 1)) } });
  }
  const search = filter.search?.trim();
  if (search) {
    const id = /^\d+$/.test(search) ? Number(search) : null;
    and.push({
      OR: [
        { title: { contains: search, mode: "insensitive" } },
        { content: { contains: search, mode: "insensitive" } },
        { place: { contains: search, mode: "insensitive" } },
        ...(id !== null && Number.isSafeInteger(id) ? [{ id }] : []),
      ],
    });
  }
  return and;
}

/** A deputy's inbox: the suggestions of the posts where they serve. */
export async function deputyInboxWhere(ctx: Context, filter: SuggestionFilter): Promise<Prisma.SuggestionWhereInput> {
  if (!ctx.viewer.signedIn) throw unauthenticated();
  const posts = deputyPostIds(ctx.viewer);
  if (filter.postId && !posts.includes(filter.postId)) throw forbidden("只能查看本人所在站点的意见建议");
  return { AND: [{ postId: { in: posts } }, ...(await filterWhere(ctx, filter))] };
}

/** Staff: the suggestions in the areas where they are staff. */
export async function staffSuggestionsWhere(
  ctx: Context,
  filter: SuggestionFilter,
): Promise<Prisma.SuggestionWhereInput> {
  if (!ctx.viewer.signedIn) throw unauthenticated();
  const paths = ctx.viewer.staffAreaPaths();
  return {
    AND: [
      { OR: paths.length ? paths.map((path) => ({ area: { path: { startsWith: path } } })) : [{ id: -1 }] },
      ...(await filterWhere(ctx, filter)),
    ],
  };
}

export interface QueueFilter {
  departmentId?: number | null;
  /** Transfer statuses; by default the open ones (PENDING, IN_PROGRESS). */
  status?: readonly TransferStatus[] | null;
  overdue?: boolean | null;
  dueSoon?: boolean | null;
  search?: string | null;
}

/** Departments the viewer handles. */
export function handledDepartmentIds(ctx: Context): number[] {
  return [
    ...new Set(
      ctx.viewer.roles
        .filter((r) => r.role === "DEPARTMENT_HANDLER" && r.departmentId !== null)
        .map((r) => r.departmentId as number),
    ),
  ];
}

/** A department's queue: its transfers, open ones by default; sort by due date for urgency. */
export async function departmentQueueWhere(
  ctx: Context,
  filter: QueueFilter,
): Promise<Prisma.SuggestionTransferWhereInput> {
  if (!ctx.viewer.signedIn) throw unauthenticated();
  const departments = handledDepartmentIds(ctx);
  if (filter.departmentId && !departments.includes(filter.departmentId)) throw forbidden("只能查看本部门的转办件");
  const todayDate = today();
  const and: Prisma.SuggestionTransferWhereInput[] = [
    { departmentId: { in: filter.departmentId ? [filter.departmentId] : departments } },
    { status: { in: filter.status?.length ? [...filter.status] : [...OPEN_TRANSFER] } },
  ];
  if (filter.overdue) and.push({ ...openTransfers, dueOn: { lt: toDbDate(todayDate) } });
  if (filter.dueSoon) and.push({ ...openTransfers, dueOn: dueSoonRange(await calendarFor(ctx), todayDate) });
  const search = filter.search?.trim();
  if (search) {
    and.push({
      suggestion: {
        OR: [
          { title: { contains: search, mode: "insensitive" } },
          { content: { contains: search, mode: "insensitive" } },
          { place: { contains: search, mode: "insensitive" } },
        ],
      },
    });
  }
  return { AND: and };
}

/** Overdue first, then due soonest; equal dates oldest transfer first. */
export const queueOrder: Prisma.SuggestionTransferOrderByWithRelationInput[] = [{ dueOn: "asc" }, { id: "asc" }];
