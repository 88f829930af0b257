import { AppError } from "../../errors.js";
import type { TransferStatus } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/service.js";
import {
  addWorkingDays,
  fromDbDate,
  type IsoDate,
  loadCalendar,
  toDbDate,
  today as todayIn,
  type WorkCalendar,
  workingDaysBetween,
} from "./calendar.js";
import { DUE_SOON_WORKING_DAYS, OPEN_TRANSFER } from "./lifecycle.js";
import {
  areaStaffOf,
  deputiesOf,
  handlersOf,
  refreshUrgency,
  type SuggestionDeps,
  withLockedSuggestion,
} from "./service.js";

/** How a due date stands today. */
export interface Deadline {
  dueOn: IsoDate;
  /** Working days left until the due date (0 on the day itself); negative once overdue. */
  workingDaysLeft: number;
  /** Past the due date (the due date itself is still in time). */
  overdue: boolean;
  /** Not overdue, and at most DUE_SOON_WORKING_DAYS working days left. */
  dueSoon: boolean;
}

export function deadline(calendar: WorkCalendar, dueOn: IsoDate, today: IsoDate): Deadline {
  const workingDaysLeft = workingDaysBetween(calendar, today, dueOn);
  const overdue = dueOn < today;
  return { dueOn, workingDaysLeft, overdue, dueSoon: !overdue && workingDaysLeft <= DUE_SOON_WORKING_DAYS };
}

/** The deadline of an open transfer; null once it is done or returned. */
export function transferDeadline(
  calendar: WorkCalendar,
  transfer: { status: TransferStatus; dueOn: Date },
  today: IsoDate,
): Deadline | null {
  return OPEN_TRANSFER.includes(transfer.status) ? deadline(calendar, fromDbDate(transfer.dueOn), today) : null;
}

/**
 * The date range of "due soon" for Prisma filters: due on [today, bound). The first day outside is
 * the (DUE_SOON_WORKING_DAYS + 1)-th working day, so a due date on a weekend before it counts.
 */
export function dueSoonRange(calendar: WorkCalendar, today: IsoDate): { gte: Date; lt: Date } {
  return { gte: toDbDate(today), lt: toDbDate(addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS + 1)) };
}

// ───────────────────────────── the clock ─────────────────────────────

export interface DeadlineRun {
  reminded: number[];
  overdue: number[];
}

const OPEN = { in: [...OPEN_TRANSFER] };

/**
 * One pass of the deadline clock: a reminder to the department and the post's deputies when a
 * transfer falls due soon, and an overdue notice to the department, the post's deputies and the
 * staff of the suggestion's area when it passes its due date. Each
 * goes out once per transfer: the first instance to set remindedAt / overdueNotifiedAt (a
 * conditional update under the suggestion's row lock) sends it, and every other one skips it.
 */
export async function checkDeadlines(deps: SuggestionDeps, now: Date = new Date()): Promise<DeadlineRun> {
  const calendar = await loadCalendar(deps.prisma);
  const today = todayIn(now);
  const soon = dueSoonRange(calendar, today);
  const run: DeadlineRun = { reminded: [], overdue: [] };

  const overdue = await deps.prisma.suggestionTransfer.findMany({
    where: { status: OPEN, dueOn: { lt: toDbDate(today) }, overdueNotifiedAt: null },
    select: { id: true, suggestionId: true },
    orderBy: { dueOn: "asc" },
    take: 200,
  });
  for (const t of overdue) {
    if (await notifyTransfer(deps, t, "OVERDUE", { calendar, now, today })) run.overdue.push(t.id);
  }
  const dueSoon = await deps.prisma.suggestionTransfer.findMany({
    where: { status: OPEN, dueOn: soon, remindedAt: null },
    select: { id: true, suggestionId: true },
    orderBy: { dueOn: "asc" },
    take: 200,
  });
  for (const t of dueSoon) {
    if (await notifyTransfer(deps, t, "DUE_SOON", { calendar, now, today })) run.reminded.push(t.id);
  }
  return run;
}

async function notifyTransfer(
  deps: SuggestionDeps,
  target: { id: number; suggestionId: number },
  kind: "OVERDUE" | "DUE_SOON",
  clock: { calendar: WorkCalendar; now: Date; today: IsoDate },
): Promise<boolean> {
  try {
    return await withLockedSuggestion(
      deps,
      target.suggestionId,
      async (w) => {
        const transfer = w.s.transfers.find((t) => t.id === target.id);
        if (!transfer) return false;
        const marker = kind === "OVERDUE" ? { overdueNotifiedAt: null } : { remindedAt: null };
        const dueWhere = kind === "OVERDUE" ? { lt: toDbDate(clock.today) } : dueSoonRange(clock.calendar, clock.today);
        const claimed = await w.tx.suggestionTransfer.updateMany({
          where: { id: transfer.id, status: OPEN, dueOn: dueWhere, ...marker },
          data: kind === "OVERDUE" ? { overdueNotifiedAt: w.now } : { remindedAt: w.now },
        });
        if (claimed.count !== 1) return false; // another instance sent it, or it was handled meanwhile
        const row = await w.tx.suggestionTransfer.findUniqueOrThrow({
          where: { id: transfer.id },
          select: { dueOn: true },
        });
        const dueOn = fromDbDate(row.dueOn);
        await recordAudit(w.tx, {
          actorId: null,
          action: kind === "OVERDUE" ? "suggestion.overdue" : "suggestion.dueSoon",
          subjectType: "SUGGESTION",
          subjectId: w.s.id,
          areaId: w.s.areaId,
          data: {
            actorRole: "SYSTEM",
            round: w.s.round,
            transferId: transfer.id,
            departmentId: transfer.departmentId,
            departmentName: transfer.department.name,
            dueOn,
          },
        });
        const departmentHandlers = await handlersOf(w.tx, [transfer.departmentId]);
        const deputies = await deputiesOf(w.tx, w.s.postId);
        if (kind === "OVERDUE") {
          await w.out.notify(w.tx, w.s.id, null, {
            recipientIds: [...departmentHandlers, ...deputies, ...(await areaStaffOf(w.tx, w.s.area.path))],
            kind: "suggestion.overdue",
            title: "转办件已超期",
            body: `“${w.s.title}”转办${transfer.department.name}，办理期限${dueOn}已过，请尽快办理。`,
          });
        } else {
          const left = workingDaysBetween(clock.calendar, clock.today, dueOn);
          await w.out.notify(w.tx, w.s.id, null, {
            recipientIds: [...departmentHandlers, ...deputies],
            kind: "suggestion.dueSoon",
            title: "转办件即将到期",
            body: `“${w.s.title}”转办${transfer.department.name}，办理期限为${dueOn}（${left === 0 ? "今天" : `还剩${left}个工作日`}），请按期办结。`,
          });
        }
        w.out.event(kind, transfer.id);
        return true;
      },
      { calendar: clock.calendar, now: clock.now },
    );
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/**
 * Runs the deadline clock every `intervalMs` on this instance. Every instance may run it: each
 * notice is claimed by a conditional update, so it goes out once however many clocks tick.
 * Once, before its first pass, it brings every stored due and urgency date in step with the
 * transfers (refreshUrgency): rows written outside the service, or before an upgrade changed
 * the rule. Afterwards the service keeps them in each change's transaction. `onTick` hears each
 * finished pass (tests).
 */
export function startDeadlineClock(
  deps: SuggestionDeps,
  intervalMs = 60_000,
  options: { onTick?: (run: DeadlineRun) => void } = {},
): () => void {
  let running = false;
  let repaired = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (!repaired) {
        const changed = await refreshUrgency(deps.prisma);
        repaired = true;
        if (changed) deps.logger.info({ changed }, "deadline clock: due and urgency dates brought up to date");
      }
      const run = await checkDeadlines(deps);
      if (run.overdue.length || run.reminded.length) {
        deps.logger.info({ overdue: run.overdue.length, reminded: run.reminded.length }, "deadline clock");
      }
      options.onTick?.(run);
    } catch (error) {
      deps.logger.error({ err: error }, "deadline clock tick failed");
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, Math.min(intervalMs, 5_000));
  first.unref();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
