import { areaUnderAny } from "../../auth/viewer.js";
import type { Context } from "../../context.js";
import { forbidden, invalid, unauthenticated } from "../../errors.js";
import type { Prisma, SubjectType } from "../../generated/prisma/client.js";

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  actorId: number | null;
  action: string;
  subjectType: SubjectType;
  subjectId: number;
  areaId?: number | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  /** On the subject's public timeline. */
  public?: boolean;
  data?: Prisma.InputJsonValue;
}

/** Appends to the audit trail; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      areaId: entry.areaId ?? null,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      public: entry.public ?? false,
      data: entry.data,
    },
  });
}

export interface AuditFilter {
  /** The area (and everything under it) to look at; all the viewer's staff areas without one. */
  areaPath?: string | null;
  subjectType?: SubjectType | null;
  actorId?: number | null;
  /** First and last calendar day (YYYY-MM-DD, Asia/Shanghai), both included. */
  from?: string | null;
  to?: string | null;
}

/** Midnight at the start of a calendar day in Shanghai (UTC+8 all year: no daylight saving). */
function startOfShanghaiDay(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * The `where` of the audit trail a staff member may read: entries about their areas (an entry
 * with no area, e.g. a sign-up, belongs to nobody's area and is not listed), narrowed by filters.
 */
export function staffAuditWhere(ctx: Context, filter: AuditFilter): Prisma.AuditEventWhereInput {
  if (!ctx.viewer.signedIn) throw unauthenticated();
  if (!ctx.viewer.isStaffAnywhere) throw forbidden("只有工作人员可以查看操作记录");
  if (filter.areaPath && !ctx.viewer.isStaffFor(filter.areaPath)) throw forbidden("只能查看本人负责区域的操作记录");
  if (filter.from && filter.to && filter.from > filter.to) throw invalid("to", "结束日期不能早于开始日期");
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = startOfShanghaiDay(filter.from);
  if (filter.to) at.lt = new Date(startOfShanghaiDay(filter.to).getTime() + 86_400_000);
  return {
    AND: [
      { area: areaUnderAny(ctx.viewer.staffAreaPaths()) },
      ...(filter.areaPath ? [{ area: { path: { startsWith: filter.areaPath } } }] : []),
      ...(filter.subjectType ? [{ subjectType: filter.subjectType }] : []),
      ...(filter.actorId ? [{ actorId: filter.actorId }] : []),
      ...(filter.from || filter.to ? [{ at }] : []),
    ],
  };
}
