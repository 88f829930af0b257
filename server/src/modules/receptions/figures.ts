import type { Context } from "../../context.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { addDays, type IsoDate, startOfShanghaiDay } from "../suggestions/calendar.js";
import { deputyPostIds, type ScopeFilters } from "../suggestions/stats.js";

// The reception figures of a street office's report ("接待选民 200 余人次"), for the same people,
// posts and areas as the suggestion statistics, counted from the reception days' own records.

export interface ReceptionFigures {
  /** Reception days in the period that were not called off and had started by its end. */
  held: number;
  /** 接待人次: each day's recorded count, or its attended bookings while none is recorded (never fewer). */
  visitors: number;
  /** Days held whose count was recorded (the rest count their attended bookings only). */
  daysWithVisitorCount: number;
  /** Bookings for those days that were kept (booked, attended or no-show; not cancelled). */
  booked: number;
  attended: number;
  /** Suggestions recorded at those reception days. */
  suggestionsRecorded: number;
}

export async function receptionFigures(
  ctx: Pick<Context, "prisma" | "viewer">,
  options: { from: IsoDate; to: IsoDate; cutoff: Date } & ScopeFilters,
): Promise<ReceptionFigures> {
  const viewer = ctx.viewer;
  const posts = deputyPostIds(viewer);
  // The caller (statisticsScope) has already refused viewers without a right to these figures.
  const postScope: Prisma.LiaisonPostWhereInput = {
    OR: [
      ...viewer.staffAreaPaths().map((path) => ({ area: { path: { startsWith: path } } })),
      ...(posts.length ? [{ id: { in: posts } }] : []),
    ],
  };
  const and: Prisma.LiaisonPostWhereInput[] = [postScope];
  if (options.postId) and.push({ id: options.postId });
  if (options.areaId) {
    const area = await ctx.prisma.area.findUnique({ where: { id: options.areaId }, select: { path: true } });
    and.push({ area: { path: { startsWith: area?.path ?? "/none/" } } });
  }
  const periodEnd = startOfShanghaiDay(addDays(options.to, 1));
  const days = await ctx.prisma.receptionDay.findMany({
    where: {
      post: { AND: and },
      cancelledAt: null,
      startsAt: {
        gte: startOfShanghaiDay(options.from),
        lt: new Date(Math.min(periodEnd.getTime(), options.cutoff.getTime())),
      },
    },
    select: {
      visitorCount: true,
      bookings: { where: { status: { not: "CANCELLED" } }, select: { status: true } },
      _count: { select: { suggestions: true } },
    },
  });
  const figures: ReceptionFigures = {
    held: days.length,
    visitors: 0,
    daysWithVisitorCount: 0,
    booked: 0,
    attended: 0,
    suggestionsRecorded: 0,
  };
  for (const day of days) {
    const attended = day.bookings.filter((b) => b.status === "ATTENDED").length;
    figures.booked += day.bookings.length;
    figures.attended += attended;
    figures.visitors += Math.max(day.visitorCount ?? 0, attended);
    if (day.visitorCount !== null) figures.daysWithVisitorCount++;
    figures.suggestionsRecorded += day._count.suggestions;
  }
  return figures;
}
