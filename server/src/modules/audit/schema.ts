import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import type { SubjectType } from "../../generated/prisma/client.js";
import { getAreaOrThrow } from "../areas/service.js";
import { SubjectTypeEnum } from "../shared/enums.js";
import { parseOptionalId } from "../shared/ids.js";
import { staffAuditWhere } from "./service.js";

builder.prismaObject("AuditEvent", {
  description: "One entry of the append-only record: who did what, when.",
  fields: (t) => ({
    id: t.id({ resolve: (event) => event.id.toString() }),
    at: t.expose("at", { type: "DateTime" }),
    action: t.exposeString("action"),
    subjectType: t.expose("subjectType", { type: SubjectTypeEnum }),
    subjectId: t.exposeID("subjectId"),
    fromStatus: t.exposeString("fromStatus", { nullable: true }),
    toStatus: t.exposeString("toStatus", { nullable: true }),
    actor: t.relation("actor", { nullable: true }),
    area: t.relation("area", { nullable: true }),
    data: t.field({
      type: "JSON",
      nullable: true,
      description: "Details of the action (e.g. a reason, the names before and after); staff of the area only.",
      select: { data: true, area: { select: { path: true } } },
      resolve: (event, _args, ctx) => (event.area && ctx.viewer.isStaffFor(event.area.path) ? event.data : null),
    }),
  }),
});

/** The public timeline of a subject: its state changes, oldest first. */
export function publicTimeline(subjectType: SubjectType) {
  return (query: object, subject: { id: number }, _args: unknown, ctx: Context) =>
    ctx.prisma.auditEvent.findMany({
      ...query,
      where: { subjectType, subjectId: subject.id, public: true },
      orderBy: { id: "asc" },
    });
}

/** Resolves the optional area filter to its path (NOT_FOUND for an unknown area). */
async function areaPathOf(ctx: Context, areaId: string | number | null | undefined) {
  const id = parseOptionalId(areaId, "areaId");
  return id === null ? null : (await getAreaOrThrow(ctx, id)).path;
}

builder.queryField("auditEvents", (t) =>
  t.prismaConnection({
    type: "AuditEvent",
    cursor: "id",
    description:
      "Staff: the audit trail of their areas (or of one area and everything under it), newest first, " +
      "optionally of one kind of subject, one actor, and calendar days from–to (Asia/Shanghai, both included).",
    authScopes: { staff: true },
    args: {
      areaId: t.arg.id(),
      subjectType: t.arg({ type: SubjectTypeEnum }),
      actorId: t.arg.id(),
      from: t.arg({ type: "Date" }),
      to: t.arg({ type: "Date" }),
    },
    totalCount: async (_root, args, ctx) =>
      ctx.prisma.auditEvent.count({ where: staffAuditWhere(ctx, await filterOf(ctx, args)) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.auditEvent.findMany({
        ...query,
        where: staffAuditWhere(ctx, await filterOf(ctx, args)),
        orderBy: { id: "desc" },
      }),
  }),
);

async function filterOf(
  ctx: Context,
  args: {
    areaId?: string | number | null;
    subjectType?: SubjectType | null;
    actorId?: string | number | null;
    from?: string | null;
    to?: string | null;
  },
) {
  return {
    areaPath: await areaPathOf(ctx, args.areaId),
    subjectType: args.subjectType,
    actorId: parseOptionalId(args.actorId, "actorId"),
    from: args.from,
    to: args.to,
  };
}
