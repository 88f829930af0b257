import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { forbidden } from "../../errors.js";
import type { SubjectType } from "../../generated/prisma/client.js";
import { getAreaOrThrow } from "../areas/service.js";
import { SubjectTypeEnum } from "../shared/enums.js";
import { parseId } from "../shared/ids.js";

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

builder.queryField("auditEvents", (t) =>
  t.prismaConnection({
    type: "AuditEvent",
    cursor: "id",
    description: "Staff: the audit trail of an area (and everything under it), newest first.",
    authScopes: { staff: true },
    args: { areaId: t.arg.id({ required: true }), subjectType: t.arg({ type: SubjectTypeEnum }) },
    resolve: async (query, _root, args, ctx) => {
      const area = await getAreaOrThrow(ctx, parseId(args.areaId, "areaId"));
      if (!ctx.viewer.isStaffFor(area.path)) throw forbidden("只能查看本人负责区域的操作记录");
      return ctx.prisma.auditEvent.findMany({
        ...query,
        where: {
          area: { path: { startsWith: area.path } },
          ...(args.subjectType ? { subjectType: args.subjectType } : {}),
        },
        orderBy: { id: "desc" },
      });
    },
  }),
);
