import type { Viewer } from "../../auth/viewer.js";
import type { Context } from "../../context.js";
import { AppError, ErrorCode, forbidden, invalid, notFound, unauthenticated } from "../../errors.js";
import type { BookingStatus } from "../../generated/prisma/client.js";
import { assertTransition, defineLifecycle } from "../../lifecycle.js";
import { recordAudit } from "../audit/service.js";
import { announce } from "../notifications/service.js";

// 接待日: deputies receive residents at their liaison posts. Staff of the post's area and the post's
// deputies schedule (and call off) reception days; residents book a slot, up to the capacity.

/** A booking: kept, called off by the resident (or with the day), then attended or not. */
export const bookingLifecycle = defineLifecycle<BookingStatus>({
  BOOKED: ["CANCELLED", "ATTENDED", "NO_SHOW"],
  CANCELLED: ["BOOKED"],
  ATTENDED: [],
  NO_SHOW: [],
});

/** Bookings that take a slot. */
export const TAKES_A_SLOT: readonly BookingStatus[] = ["BOOKED", "ATTENDED"];

const shanghaiTime = (at: Date) =>
  new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(at);

/** Deputies of the post and staff of its area run its reception days. */
export function managesPost(viewer: Viewer, post: { id: number; area: { path: string } }): boolean {
  return viewer.isDeputyOfPost(post.id) || viewer.isStaffFor(post.area.path);
}

async function loadPost(ctx: Context, postId: number) {
  const post = await ctx.prisma.liaisonPost.findUnique({
    where: { id: postId },
    include: { area: { select: { path: true } } },
  });
  if (!post) throw notFound("Liaison post");
  return post;
}

export interface ScheduleInput {
  postId: number;
  startsAt: Date;
  endsAt: Date;
  place?: string | null;
  capacity: number;
  note?: string | null;
  /** Deputies on duty; they must serve at the post. Defaults to the scheduling deputy. */
  deputyIds?: number[] | null;
}

/** When, how many and who: the rules a day must meet when scheduled and whenever it is changed. */
async function checkDay(
  ctx: Context,
  postId: number,
  day: { startsAt: Date; endsAt: Date; capacity: number; deputyIds: readonly number[] },
) {
  if (day.endsAt <= day.startsAt) throw invalid("endsAt", "结束时间须晚于开始时间");
  if (day.endsAt <= new Date()) throw invalid("endsAt", "不能安排已经结束的接待日");
  if (day.endsAt.getTime() - day.startsAt.getTime() > 12 * 3600_000) throw invalid("endsAt", "一次接待不超过12小时");
  if (!Number.isInteger(day.capacity) || day.capacity < 1 || day.capacity > 500) {
    throw invalid("capacity", "可预约人数应在 1 到 500 之间");
  }
  if (!day.deputyIds.length) throw invalid("deputyIds", "请选择值班代表");
  const serving = await ctx.prisma.roleGrant.findMany({
    where: { role: "DEPUTY", postId, revokedAt: null, accountId: { in: [...day.deputyIds] } },
    select: { accountId: true },
  });
  if (day.deputyIds.some((id) => !serving.some((g) => g.accountId === id))) {
    throw invalid("deputyIds", "值班代表须为本站点的人大代表");
  }
}

export async function scheduleReceptionDay(ctx: Context, input: ScheduleInput) {
  const actorId = ctx.viewer.accountId;
  if (!actorId) throw unauthenticated();
  const post = await loadPost(ctx, input.postId);
  if (!managesPost(ctx.viewer, post)) throw forbidden("只有本站点的人大代表或负责区域的工作人员可以安排接待日");
  const wanted = [
    ...new Set(input.deputyIds?.length ? input.deputyIds : ctx.viewer.isDeputyOfPost(post.id) ? [actorId] : []),
  ];
  await checkDay(ctx, post.id, { ...input, deputyIds: wanted });

  const day = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.receptionDay.create({
      data: {
        postId: post.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: input.place?.trim() || post.address,
        capacity: input.capacity,
        note: input.note?.trim() || null,
        duties: { create: wanted.map((deputyId) => ({ deputyId })) },
      },
    });
    await recordAudit(tx, {
      actorId,
      action: "reception.schedule",
      subjectType: "RECEPTION_DAY",
      subjectId: created.id,
      areaId: post.areaId,
      public: true,
      data: { postId: post.id, deputyIds: wanted, capacity: input.capacity },
    });
    const others = wanted.filter((id) => id !== actorId);
    if (others.length) {
      await tx.notification.createMany({
        data: others.map((recipientId) => ({
          recipientId,
          kind: "reception.duty",
          title: "接待日值班安排",
          body: `${post.name}，${shanghaiTime(created.startsAt)}，${created.place}`,
          subjectType: "RECEPTION_DAY" as const,
          subjectId: created.id,
        })),
      });
    }
    return { created, others };
  });
  for (const id of day.others) announce(ctx, id, day.created.id);
  return day.created;
}

export interface ReceptionDayChanges {
  receptionDayId: number;
  startsAt?: Date | null;
  endsAt?: Date | null;
  place?: string | null;
  capacity?: number | null;
  note?: string | null;
  deputyIds?: number[] | null;
}

/**
 * Changes a scheduled day before it ends: time, place, capacity, note, deputies on duty. Audited
 * with what it was and what it became. Residents holding a booking are told when the time or the
 * place changes; deputies put on (or taken off) duty are told too. The capacity never drops below
 * the bookings already kept (the day's row is locked while they are counted, as when booking).
 */
export async function updateReceptionDay(ctx: Context, changes: ReceptionDayChanges) {
  const actorId = ctx.viewer.accountId;
  if (!actorId) throw unauthenticated();
  const day = await ctx.prisma.receptionDay.findUnique({
    where: { id: changes.receptionDayId },
    include: { post: { include: { area: { select: { path: true } } } }, duties: { select: { deputyId: true } } },
  });
  if (!day) throw notFound("Reception day");
  if (!managesPost(ctx.viewer, day.post)) throw forbidden("只有本站点的人大代表或负责区域的工作人员可以修改接待日");
  if (day.cancelledAt) throw new AppError(ErrorCode.INVALID_TRANSITION, "该接待日已取消，不能修改");
  if (day.endsAt <= new Date()) throw new AppError(ErrorCode.INVALID_TRANSITION, "接待日已结束，不能修改");

  const before = {
    startsAt: day.startsAt,
    endsAt: day.endsAt,
    place: day.place,
    capacity: day.capacity,
    note: day.note,
    deputyIds: day.duties.map((d) => d.deputyId).sort((a, b) => a - b),
  };
  const after = {
    startsAt: changes.startsAt ?? before.startsAt,
    endsAt: changes.endsAt ?? before.endsAt,
    place:
      changes.place === undefined || changes.place === null ? before.place : changes.place.trim() || day.post.address,
    capacity: changes.capacity ?? before.capacity,
    note: changes.note === undefined ? before.note : changes.note?.trim() || null,
    deputyIds: changes.deputyIds?.length ? [...new Set(changes.deputyIds)].sort((a, b) => a - b) : before.deputyIds,
  };
  if (after.startsAt.getTime() !== before.startsAt.getTime() && day.startsAt <= new Date()) {
    throw invalid("startsAt", "接待已开始，不能再改开始时间");
  }
  await checkDay(ctx, day.postId, after);
  const moved =
    after.startsAt.getTime() !== before.startsAt.getTime() ||
    after.endsAt.getTime() !== before.endsAt.getTime() ||
    after.place !== before.place;
  const onDuty = after.deputyIds.filter((id) => !before.deputyIds.includes(id));
  const offDuty = before.deputyIds.filter((id) => !after.deputyIds.includes(id));
  const changed = Object.fromEntries(
    (Object.keys(after) as (keyof typeof after)[])
      .filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]))
      .map((key) => [key, { from: before[key], to: after[key] }]),
  );
  if (!Object.keys(changed).length) return day.id;

  const told = await ctx.prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "ReceptionDay" WHERE id = ${day.id} FOR UPDATE`;
      const current = await tx.receptionDay.findUniqueOrThrow({ where: { id: day.id }, select: { cancelledAt: true } });
      if (current.cancelledAt) throw new AppError(ErrorCode.INVALID_TRANSITION, "该接待日已取消，不能修改");
      const taken = await tx.receptionBooking.count({
        where: { receptionDayId: day.id, status: { in: [...TAKES_A_SLOT] } },
      });
      if (after.capacity < taken) {
        throw invalid("capacity", `已有 ${taken} 位居民预约，可预约人数不能少于 ${taken}`);
      }
      await tx.receptionDay.update({
        where: { id: day.id },
        data: {
          startsAt: after.startsAt,
          endsAt: after.endsAt,
          place: after.place,
          capacity: after.capacity,
          note: after.note,
        },
      });
      if (onDuty.length || offDuty.length) {
        await tx.receptionDuty.deleteMany({ where: { receptionDayId: day.id, deputyId: { in: offDuty } } });
        await tx.receptionDuty.createMany({ data: onDuty.map((deputyId) => ({ receptionDayId: day.id, deputyId })) });
      }
      await recordAudit(tx, {
        actorId,
        action: "reception.update",
        subjectType: "RECEPTION_DAY",
        subjectId: day.id,
        areaId: day.post.areaId,
        public: true,
        data: JSON.parse(JSON.stringify({ postId: day.postId, changed })),
      });
      const when = `${shanghaiTime(after.startsAt)}–${shanghaiTime(after.endsAt).slice(-5)}`;
      const notices: { recipientId: number; kind: string; title: string; body: string }[] = [];
      if (moved) {
        const booked = await tx.receptionBooking.findMany({
          where: { receptionDayId: day.id, status: "BOOKED" },
          select: { accountId: true },
        });
        for (const { accountId } of booked) {
          notices.push({
            recipientId: accountId,
            kind: "reception.changed",
            title: "您预约的接待日有变动",
            body: `${day.post.name} 原定 ${shanghaiTime(before.startsAt)} 的接待，改为 ${when}，地点：${after.place}。`,
          });
        }
      }
      for (const recipientId of onDuty) {
        notices.push({
          recipientId,
          kind: "reception.duty",
          title: "接待日值班安排",
          body: `${day.post.name}，${when}，${after.place}`,
        });
      }
      for (const recipientId of offDuty) {
        notices.push({
          recipientId,
          kind: "reception.dutyRemoved",
          title: "接待日值班已调整",
          body: `您不再值班：${day.post.name}，${shanghaiTime(before.startsAt)}`,
        });
      }
      const recipients = notices.filter((n) => n.recipientId !== actorId);
      if (recipients.length) {
        await tx.notification.createMany({
          data: recipients.map((n) => ({ ...n, subjectType: "RECEPTION_DAY" as const, subjectId: day.id })),
        });
      }
      return recipients.map((n) => n.recipientId);
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
  for (const id of new Set(told)) announce(ctx, id, day.id);
  return day.id;
}

/** Calls a reception day off: its bookings are cancelled and the residents told. */
export async function cancelReceptionDay(ctx: Context, options: { receptionDayId: number; reason: string }) {
  const actorId = ctx.viewer.accountId;
  if (!actorId) throw unauthenticated();
  const reason = options.reason.trim();
  if (!reason) throw invalid("reason", "请填写取消原因");
  const day = await ctx.prisma.receptionDay.findUnique({
    where: { id: options.receptionDayId },
    include: { post: { include: { area: true } } },
  });
  if (!day) throw notFound("Reception day");
  if (!managesPost(ctx.viewer, day.post)) throw forbidden("只有本站点的人大代表或负责区域的工作人员可以取消接待日");
  if (day.endsAt <= new Date()) throw new AppError(ErrorCode.INVALID_TRANSITION, "接待日已结束，不能取消");
  const told = await ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.receptionDay.updateMany({
      where: { id: day.id, cancelledAt: null },
      data: { cancelledAt: new Date() },
    });
    if (changed.count !== 1) throw new AppError(ErrorCode.INVALID_TRANSITION, "该接待日已取消");
    const booked = await tx.receptionBooking.findMany({
      where: { receptionDayId: day.id, status: "BOOKED" },
      select: { accountId: true },
    });
    await tx.receptionBooking.updateMany({
      where: { receptionDayId: day.id, status: "BOOKED" },
      data: { status: "CANCELLED" },
    });
    await recordAudit(tx, {
      actorId,
      action: "reception.cancel",
      subjectType: "RECEPTION_DAY",
      subjectId: day.id,
      areaId: day.post.areaId,
      public: true,
      data: { reason, bookingsCancelled: booked.length },
    });
    const recipients = booked.map((b) => b.accountId).filter((id) => id !== actorId);
    if (recipients.length) {
      await tx.notification.createMany({
        data: recipients.map((recipientId) => ({
          recipientId,
          kind: "reception.cancelled",
          title: "接待日已取消",
          body: `${day.post.name} ${shanghaiTime(day.startsAt)} 的接待已取消：${reason}`,
          subjectType: "RECEPTION_DAY" as const,
          subjectId: day.id,
        })),
      });
    }
    return recipients;
  });
  for (const id of told) announce(ctx, id, day.id);
  return day.id;
}

/**
 * A resident books a slot. The day's row is locked while the slots are counted, so however many
 * book at once (on any instance), no more than `capacity` bookings hold a slot.
 */
export async function bookReception(ctx: Context, options: { receptionDayId: number; subject: string }) {
  const accountId = ctx.viewer.accountId;
  if (!accountId) throw unauthenticated();
  const subject = options.subject.trim();
  if (!subject) throw invalid("subject", "请简要填写想反映的事项");
  const booking = await ctx.prisma.$transaction(
    async (tx) => {
      const [day] = await tx.$queryRaw<{ id: number; capacity: number; startsAt: Date; cancelledAt: Date | null }[]>`
        SELECT id, capacity, "startsAt", "cancelledAt" FROM "ReceptionDay" WHERE id = ${options.receptionDayId} FOR UPDATE`;
      if (!day) throw notFound("Reception day");
      if (day.cancelledAt)
        throw new AppError(ErrorCode.INVALID_TRANSITION, "该接待日已取消", { field: "receptionDayId" });
      if (day.startsAt <= new Date())
        throw new AppError(ErrorCode.INVALID_TRANSITION, "接待已开始，不能再预约", { field: "receptionDayId" });
      const existing = await tx.receptionBooking.findUnique({
        where: { receptionDayId_accountId: { receptionDayId: day.id, accountId } },
      });
      if (existing && TAKES_A_SLOT.includes(existing.status)) {
        throw new AppError(ErrorCode.CONFLICT, "您已预约该接待日", { field: "receptionDayId" });
      }
      const taken = await tx.receptionBooking.count({
        where: { receptionDayId: day.id, status: { in: [...TAKES_A_SLOT] } },
      });
      if (taken >= day.capacity) throw new AppError(ErrorCode.CONFLICT, "该接待日已约满", { field: "receptionDayId" });
      if (existing) {
        assertTransition(bookingLifecycle, existing.status, "BOOKED", "Booking");
        return tx.receptionBooking.update({ where: { id: existing.id }, data: { status: "BOOKED", subject } });
      }
      return tx.receptionBooking.create({ data: { receptionDayId: day.id, accountId, subject } });
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
  return booking;
}

async function loadBooking(ctx: Context, bookingId: number) {
  const booking = await ctx.prisma.receptionBooking.findUnique({
    where: { id: bookingId },
    include: { receptionDay: { include: { post: { include: { area: { select: { path: true } } } } } } },
  });
  if (!booking) throw notFound("Booking");
  return booking;
}

async function moveBooking(ctx: Context, booking: { id: number; status: BookingStatus }, to: BookingStatus) {
  assertTransition(bookingLifecycle, booking.status, to, "Booking");
  const changed = await ctx.prisma.receptionBooking.updateMany({
    where: { id: booking.id, status: booking.status },
    data: { status: to },
  });
  if (changed.count !== 1) throw new AppError(ErrorCode.CONFLICT, "预约状态已变化，请刷新");
}

/** The resident calls off their own booking before the reception starts. */
export async function cancelReceptionBooking(ctx: Context, options: { bookingId: number }) {
  if (!ctx.viewer.accountId) throw unauthenticated();
  const booking = await loadBooking(ctx, options.bookingId);
  if (booking.accountId !== ctx.viewer.accountId) throw notFound("Booking");
  if (booking.receptionDay.startsAt <= new Date())
    throw new AppError(ErrorCode.INVALID_TRANSITION, "接待已开始，不能取消预约");
  await moveBooking(ctx, booking, "CANCELLED");
  return booking.id;
}

/** Deputies (or staff) mark who came, once the reception has started. */
export async function markReceptionAttendance(ctx: Context, options: { bookingId: number; attended: boolean }) {
  if (!ctx.viewer.accountId) throw unauthenticated();
  const booking = await loadBooking(ctx, options.bookingId);
  if (!managesPost(ctx.viewer, booking.receptionDay.post)) throw forbidden("只有本站点的人大代表可以登记到场情况");
  if (booking.receptionDay.startsAt > new Date()) throw new AppError(ErrorCode.INVALID_TRANSITION, "接待尚未开始");
  await moveBooking(ctx, booking, options.attended ? "ATTENDED" : "NO_SHOW");
  return booking.id;
}

/**
 * 接待人次: after a reception, its deputies (or staff) record how many residents they received,
 * walk-ins included. Never fewer than the bookings already marked attended; may be corrected.
 */
export async function recordReceptionVisitors(ctx: Context, options: { receptionDayId: number; visitorCount: number }) {
  const actorId = ctx.viewer.accountId;
  if (!actorId) throw unauthenticated();
  if (!Number.isInteger(options.visitorCount) || options.visitorCount < 0 || options.visitorCount > 1000)
    throw invalid("visitorCount", "接待人次应为 0 到 1000 之间的整数");
  return ctx.prisma.$transaction(async (tx) => {
    // Locked so that a count and an attendance mark at the same moment cannot leave the count lower.
    await tx.$queryRaw`SELECT id FROM "ReceptionDay" WHERE id = ${options.receptionDayId} FOR UPDATE`;
    const day = await tx.receptionDay.findUnique({
      where: { id: options.receptionDayId },
      include: { post: { include: { area: { select: { path: true } } } } },
    });
    if (!day) throw notFound("Reception day");
    if (!managesPost(ctx.viewer, day.post)) throw forbidden("只有本站点的人大代表可以登记接待人次");
    if (day.cancelledAt) throw new AppError(ErrorCode.INVALID_TRANSITION, "该接待日已取消");
    if (day.startsAt > new Date()) throw new AppError(ErrorCode.INVALID_TRANSITION, "接待尚未开始");
    const attended = await tx.receptionBooking.count({ where: { receptionDayId: day.id, status: "ATTENDED" } });
    if (options.visitorCount < attended)
      throw invalid("visitorCount", `接待人次不能少于已登记到场的预约人数（${attended}）`);
    await tx.receptionDay.update({ where: { id: day.id }, data: { visitorCount: options.visitorCount } });
    await recordAudit(tx, {
      actorId,
      action: "reception.visitors",
      subjectType: "RECEPTION_DAY",
      subjectId: day.id,
      areaId: day.post.areaId,
      data: { from: day.visitorCount, to: options.visitorCount },
    });
    return day.id;
  });
}
