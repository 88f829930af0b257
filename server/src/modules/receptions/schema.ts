import { z } from "zod";
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { BookingStatusEnum } from "../shared/enums.js";
import { parseId } from "../shared/ids.js";
import { addDays, isIsoDate, startOfShanghaiDay } from "../suggestions/calendar.js";
import {
  bookReception,
  cancelReceptionBooking,
  cancelReceptionDay,
  managesPost,
  markReceptionAttendance,
  recordReceptionVisitors,
  scheduleReceptionDay,
  TAKES_A_SLOT,
  updateReceptionDay,
} from "./service.js";

const postAccess = { post: { select: { id: true, area: { select: { path: true } } } } } as const;
const mayManage = (ctx: Context, day: { post: { id: number; area: { path: string } } }) =>
  managesPost(ctx.viewer, day.post);

builder.prismaObject("ReceptionDay", {
  description: "接待日 at a liaison post: when, where, and the deputies on duty. Public.",
  fields: (t) => ({
    id: t.exposeID("id"),
    post: t.relation("post"),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    place: t.exposeString("place"),
    capacity: t.exposeInt("capacity"),
    note: t.exposeString("note", { nullable: true }),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true }),
    visitorCount: t.exposeInt("visitorCount", {
      nullable: true,
      description: "接待人次 recorded after the reception (walk-ins included); null until recorded.",
    }),
    deputies: t.prismaField({
      type: ["DeputyProfile"],
      description: "Deputies on duty (public profiles).",
      select: (_args, _ctx, nested) => ({
        duties: { select: { deputy: { select: { deputyProfile: nested(true) } } } },
      }),
      resolve: (_query, day) =>
        day.duties.flatMap((duty) => (duty.deputy.deputyProfile ? [duty.deputy.deputyProfile] : [])),
    }),
    deputyIds: t.idList({
      description: "Account ids of the deputies on duty (to preselect them when editing).",
      select: { duties: { select: { deputyId: true } } },
      resolve: (day) => day.duties.map((duty) => String(duty.deputyId)),
    }),
    bookedCount: t.relationCount("bookings", { where: { status: { in: [...TAKES_A_SLOT] } } }),
    remaining: t.int({
      description: "Slots left.",
      select: { capacity: true, _count: { select: { bookings: { where: { status: { in: [...TAKES_A_SLOT] } } } } } },
      resolve: (day) => Math.max(0, day.capacity - day._count.bookings),
    }),
    viewerMayManage: t.boolean({
      description: "The viewer may cancel it and see its bookings (deputies of the post, staff of its area).",
      select: postAccess,
      resolve: (day, _args, ctx) => mayManage(ctx, day),
    }),
    viewerBooking: t.prismaField({
      type: "ReceptionBooking",
      nullable: true,
      description: "The viewer's own booking, if any.",
      select: (_args, ctx, nested) => ({
        bookings: nested({ where: { accountId: ctx.viewer.accountId ?? -1 }, take: 1 }),
      }),
      resolve: (_query, day) => day.bookings[0] ?? null,
    }),
    bookings: t.prismaField({
      type: ["ReceptionBooking"],
      description: "Deputies of the post and staff of its area only (empty for others): who booked, with what subject.",
      select: (_args, _ctx, nested) => ({ ...postAccess, bookings: nested({ orderBy: { id: "asc" } }) }),
      resolve: (_query, day, _args, ctx) => (mayManage(ctx, day) ? day.bookings : []),
    }),
  }),
});

const bookingAccess = { accountId: true, receptionDay: { select: postAccess } } as const;
const mayReadBooking = (
  ctx: Context,
  booking: { accountId: number; receptionDay: { post: { id: number; area: { path: string } } } },
) => booking.accountId === ctx.viewer.accountId || mayManage(ctx, booking.receptionDay);

builder.prismaObject("ReceptionBooking", {
  description: "A resident's booking at a reception day (theirs, and the post's deputies' and staff's).",
  fields: (t) => ({
    id: t.exposeID("id"),
    receptionDay: t.relation("receptionDay"),
    subject: t.exposeString("subject"),
    status: t.expose("status", { type: BookingStatusEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    residentName: t.string({
      nullable: true,
      description: "The resident's real name (else display name), for the deputies on duty.",
      select: { ...bookingAccess, account: { select: { realName: true, displayName: true } } },
      resolve: (b, _args, ctx) => (mayReadBooking(ctx, b) ? (b.account.realName ?? b.account.displayName) : null),
    }),
    residentPhone: t.string({
      nullable: true,
      description: "To call the resident back (the resident and the post's deputies and staff).",
      select: { ...bookingAccess, account: { select: { phone: true } } },
      resolve: (b, _args, ctx) => (mayReadBooking(ctx, b) ? b.account.phone : null),
    }),
  }),
});

builder.queryFields((t) => ({
  receptionDays: t.prismaField({
    type: ["ReceptionDay"],
    description:
      "Reception days, soonest first: upcoming ones (not yet ended) by default, or those starting from `from` to `to` (dates, Asia/Shanghai). At most 200.",
    args: {
      postId: t.arg.id(),
      from: t.arg({ type: "Date" }),
      to: t.arg({ type: "Date" }),
      includeCancelled: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (query, _root, args, ctx) => {
      const where: Prisma.ReceptionDayWhereInput = {
        ...(args.from && isIsoDate(args.from)
          ? { startsAt: { gte: startOfShanghaiDay(args.from) } }
          : { endsAt: { gte: new Date() } }),
        ...(args.includeCancelled ? {} : { cancelledAt: null }),
        ...(args.postId ? { postId: parseId(args.postId, "postId") } : {}),
      };
      if (args.to && isIsoDate(args.to)) where.AND = [{ startsAt: { lt: startOfShanghaiDay(addDays(args.to, 1)) } }];
      return ctx.prisma.receptionDay.findMany({ ...query, where, orderBy: { startsAt: "asc" }, take: 200 });
    },
  }),
  receptionDay: t.prismaField({
    type: "ReceptionDay",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.receptionDay.findUnique({ ...query, where: { id: parseId(args.id, "id") } }),
  }),
  myReceptionBookings: t.prismaField({
    type: ["ReceptionBooking"],
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.receptionBooking.findMany({
        ...query,
        where: { accountId: ctx.viewer.accountId ?? -1 },
        orderBy: { id: "desc" },
      }),
  }),
}));

const ScheduleInput = builder.inputType("ScheduleReceptionDayInput", {
  fields: (t) => ({
    postId: t.id({ required: true }),
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true }),
    place: t.string({
      validate: z.string().trim().max(100, "地点不超过100字").nullish(),
      description: "Default: the post's address.",
    }),
    capacity: t.int({ defaultValue: 10, validate: z.number().int().min(1, "至少可约1人").max(500, "最多可约500人") }),
    note: t.string({ validate: z.string().trim().max(500, "说明不超过500字").nullish() }),
    deputyIds: t.idList({ description: "Deputies on duty (serving at the post). Default: the deputy scheduling it." }),
  }),
});

const UpdateInput = builder.inputType("UpdateReceptionDayInput", {
  description: "What changes; fields left out stay as they are.",
  fields: (t) => ({
    startsAt: t.field({ type: "DateTime" }),
    endsAt: t.field({ type: "DateTime" }),
    place: t.string({
      validate: z.string().trim().max(100, "地点不超过100字").nullish(),
      description: "Empty: the post's address.",
    }),
    capacity: t.int({ validate: z.number().int().min(1, "至少可约1人").max(500, "最多可约500人").nullish() }),
    note: t.string({
      validate: z.string().trim().max(500, "说明不超过500字").nullish(),
      description: "null clears it.",
    }),
    deputyIds: t.idList({ description: "Deputies on duty (serving at the post); replaces the list." }),
  }),
});

builder.mutationFields((t) => ({
  updateReceptionDay: t.prismaField({
    type: "ReceptionDay",
    description:
      "Deputies of the post or staff of its area: change a day before it ends (time, place, capacity, note, deputies on duty). Audited; residents holding a booking are told when the time or place changes, deputies when their duty does. The capacity cannot drop below the bookings kept.",
    authScopes: { signedIn: true },
    errors: {},
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateInput, required: true }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      const dayId = await updateReceptionDay(ctx, {
        receptionDayId: parseId(id, "id"),
        ...input,
        deputyIds: input.deputyIds?.map((deputyId) => parseId(deputyId, "input.deputyIds")) ?? null,
      });
      return ctx.prisma.receptionDay.findUniqueOrThrow({ ...query, where: { id: dayId } });
    },
  }),
  scheduleReceptionDay: t.prismaField({
    type: "ReceptionDay",
    description: "Deputies of the post or staff of its area: schedule a reception day.",
    authScopes: { signedIn: true },
    errors: {},
    args: { input: t.arg({ type: ScheduleInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const day = await scheduleReceptionDay(ctx, {
        ...input,
        postId: parseId(input.postId, "input.postId"),
        capacity: input.capacity ?? 10,
        deputyIds: input.deputyIds?.map((id) => parseId(id, "input.deputyIds")) ?? null,
      });
      return ctx.prisma.receptionDay.findUniqueOrThrow({ ...query, where: { id: day.id } });
    },
  }),
  cancelReceptionDay: t.prismaField({
    type: "ReceptionDay",
    description: "Deputies of the post or staff of its area: call a reception day off; booked residents are notified.",
    authScopes: { signedIn: true },
    errors: {},
    args: {
      id: t.arg.id({ required: true }),
      reason: t.arg.string({ required: true, validate: z.string().trim().min(1, "请填写取消原因").max(200) }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await cancelReceptionDay(ctx, { receptionDayId: parseId(args.id, "id"), reason: args.reason });
      return ctx.prisma.receptionDay.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  bookReception: t.prismaField({
    type: "ReceptionBooking",
    description: "Resident: book a slot (CONFLICT when full or already booked).",
    authScopes: { signedIn: true },
    errors: {},
    args: {
      receptionDayId: t.arg.id({ required: true }),
      subject: t.arg.string({
        required: true,
        validate: z.string().trim().min(1, "请简要填写想反映的事项").max(200, "不超过200字"),
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const booking = await bookReception(ctx, {
        receptionDayId: parseId(args.receptionDayId, "receptionDayId"),
        subject: args.subject,
      });
      return ctx.prisma.receptionBooking.findUniqueOrThrow({ ...query, where: { id: booking.id } });
    },
  }),
  cancelReceptionBooking: t.prismaField({
    type: "ReceptionBooking",
    description: "Resident: cancel one's booking before the reception starts.",
    authScopes: { signedIn: true },
    errors: {},
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await cancelReceptionBooking(ctx, { bookingId: parseId(args.id, "id") });
      return ctx.prisma.receptionBooking.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  markReceptionAttendance: t.prismaField({
    type: "ReceptionBooking",
    description: "Deputies of the post: after the start, mark a booking ATTENDED (attended: true) or NO_SHOW.",
    authScopes: { signedIn: true },
    errors: {},
    args: { bookingId: t.arg.id({ required: true }), attended: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await markReceptionAttendance(ctx, {
        bookingId: parseId(args.bookingId, "bookingId"),
        attended: args.attended,
      });
      return ctx.prisma.receptionBooking.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  recordReceptionVisitors: t.prismaField({
    type: "ReceptionDay",
    description:
      "Deputies of the post (or its staff): after the start, record 接待人次 — everyone received, walk-ins included (at least the attended bookings).",
    authScopes: { signedIn: true },
    errors: {},
    args: { receptionDayId: t.arg.id({ required: true }), visitorCount: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await recordReceptionVisitors(ctx, {
        receptionDayId: parseId(args.receptionDayId, "receptionDayId"),
        visitorCount: args.visitorCount,
      });
      return ctx.prisma.receptionDay.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
