import { areaUnderAny } from "../../auth/viewer.js";
import type { Context } from "../../context.js";
import { AppError, ErrorCode, forbidden, notFound, unauthenticated } from "../../errors.js";
import type { HouseholdMember, MembershipStatus, Prisma } from "../../generated/prisma/client.js";
import { assertTransition, defineLifecycle } from "../../lifecycle.js";
import { normalisePhone } from "../accounts/phone.js";
import { randomDisplayName } from "../accounts/service.js";
import { recordAudit } from "../audit/service.js";
import { announce, createNotification } from "../notifications/service.js";
import { isUniqueViolation } from "../shared/prisma-errors.js";

/** A resident claims a household; neighbourhood staff verify (or reject); verification can be revoked. */
export const membershipLifecycle = defineLifecycle<MembershipStatus>({
  PENDING: ["VERIFIED", "REJECTED"],
  VERIFIED: ["REVOKED"],
  REJECTED: ["PENDING"],
  REVOKED: ["PENDING"],
});

const withBuilding = { household: { include: { building: true } } } as const;

/** "I live here": asks the neighbourhood's staff to verify the person as a member of the household. */
export async function requestMembership(ctx: Context, options: { householdId: number; isAdult: boolean }) {
  const accountId = ctx.viewer.accountId;
  if (!accountId) throw unauthenticated();
  const household = await ctx.prisma.household.findUnique({
    where: { id: options.householdId },
    include: { building: true },
  });
  if (!household) throw notFound("Household");

  const membership = await ctx.prisma
    .$transaction(async (tx) => {
      const existing = await tx.householdMember.findUnique({
        where: { householdId_accountId: { householdId: household.id, accountId } },
      });
      if (existing && (existing.status === "PENDING" || existing.status === "VERIFIED")) {
        throw new AppError(
          ErrorCode.CONFLICT,
          existing.status === "PENDING" ? "已提交过该住户的认证申请，请等待审核" : "您已是该住户的认证居民",
          { field: "householdId" },
        );
      }
      if (existing) assertTransition(membershipLifecycle, existing.status, "PENDING", "Membership");
      const saved = existing
        ? await tx.householdMember.update({
            where: { id: existing.id, status: existing.status },
            data: {
              status: "PENDING",
              isAdult: options.isAdult,
              requestedAt: new Date(),
              decidedAt: null,
              decidedById: null,
              decisionNote: null,
            },
          })
        : await tx.householdMember.create({ data: { householdId: household.id, accountId, isAdult: options.isAdult } });
      await recordAudit(tx, {
        actorId: accountId,
        action: "membership.request",
        subjectType: "HOUSEHOLD_MEMBER",
        subjectId: saved.id,
        areaId: household.buildingId,
        fromStatus: existing?.status ?? null,
        toStatus: "PENDING",
      });
      return saved;
    })
    .catch((error: unknown) => {
      // The same request sent twice at once (a double tap): the second one's insert meets the
      // first's row in the unique index. It is the same CONFLICT as the check above.
      if (isUniqueViolation(error)) {
        throw new AppError(ErrorCode.CONFLICT, "已提交过该住户的认证申请，请等待审核", { field: "householdId" });
      }
      throw error;
    });
  ctx.pubsub.publish("staff:membershipQueue", { membershipId: membership.id, areaPath: household.building.path });
  return membership;
}

const DECISION_TEXT: Partial<Record<MembershipStatus, { kind: string; title: string }>> = {
  VERIFIED: { kind: "membership.verified", title: "居民认证已通过" },
  REJECTED: { kind: "membership.rejected", title: "居民认证未通过" },
  REVOKED: { kind: "membership.revoked", title: "居民认证已撤销" },
};

/**
 * Staff verify, reject or revoke a membership. The update is conditional on the status read, so
 * two staff deciding at once cannot both succeed.
 */
export async function decideMembership(
  ctx: Context,
  options: { membershipId: number; to: "VERIFIED" | "REJECTED" | "REVOKED"; note?: string | null },
) {
  if (!ctx.viewer.accountId) throw unauthenticated();
  const membership = await ctx.prisma.householdMember.findUnique({
    where: { id: options.membershipId },
    include: withBuilding,
  });
  if (!membership) throw notFound("Membership");
  if (!ctx.viewer.isStaffForResidentsOf(membership.household.building.path)) {
    throw forbidden("只有该住户所在区域的工作人员可以审核");
  }
  assertTransition(membershipLifecycle, membership.status, options.to, "Membership");
  if (options.to !== "VERIFIED" && !options.note?.trim()) {
    throw new AppError(ErrorCode.VALIDATION, "请填写原因", { field: "note" });
  }
  const text = DECISION_TEXT[options.to];
  const updated = await ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.householdMember.updateMany({
      where: { id: membership.id, status: membership.status },
      data: {
        status: options.to,
        decidedAt: new Date(),
        decidedById: ctx.viewer.accountId,
        decisionNote: options.note?.trim() || null,
      },
    });
    if (changed.count !== 1) throw new AppError(ErrorCode.CONFLICT, "该申请已被其他工作人员处理，请刷新");
    await recordAudit(tx, {
      actorId: ctx.viewer.accountId,
      action: "membership.decide",
      subjectType: "HOUSEHOLD_MEMBER",
      subjectId: membership.id,
      areaId: membership.household.buildingId,
      fromStatus: membership.status,
      toStatus: options.to,
      data: options.note ? { note: options.note } : undefined,
    });
    if (text) {
      await createNotification(tx, {
        recipientId: membership.accountId,
        kind: text.kind,
        title: text.title,
        body: `${membership.household.building.name} ${membership.household.unit}${options.note ? `：${options.note}` : ""}`,
        subjectType: "HOUSEHOLD_MEMBER",
        subjectId: membership.id,
      });
    }
    return tx.householdMember.findUniqueOrThrow({ where: { id: membership.id } });
  });
  ctx.pubsub.publish("account:changed", membership.accountId, { reason: "membership", subjectId: membership.id });
  announce(ctx, membership.accountId, membership.id);
  return updated;
}

/**
 * The `where` for memberships staff may see: households under their areas (a 街区's covered areas
 * included), optionally narrowed to those under `areaPaths` (see residentAreaPathsOf).
 */
export function staffMembershipWhere(
  ctx: Context,
  options: { areaPaths?: readonly string[] | null; status?: MembershipStatus | null; search?: string | null },
): Prisma.HouseholdMemberWhereInput {
  const search = options.search?.trim();
  return {
    AND: [
      { household: { building: areaUnderAny(ctx.viewer.staffResidentAreaPaths()) } },
      ...(options.areaPaths ? [{ household: { building: areaUnderAny(options.areaPaths) } }] : []),
      ...(options.status ? [{ status: options.status }] : []),
      ...(search
        ? [
            {
              OR: [
                { account: { phone: { contains: search } } },
                { account: { realName: { contains: search } } },
                { account: { displayName: { contains: search } } },
                { household: { unit: { contains: search } } },
              ],
            },
          ]
        : []),
    ],
  };
}

/**
 * Staff register a resident in person (at the 居委会, e.g. an older resident without a
 * smartphone): the account is created if new and the membership is verified at once.
 */
export async function registerResident(
  ctx: Context,
  options: { householdId: number; phone: string; realName: string; isAdult: boolean },
) {
  if (!ctx.viewer.accountId) throw unauthenticated();
  const household = await ctx.prisma.household.findUnique({
    where: { id: options.householdId },
    include: { building: true },
  });
  if (!household) throw notFound("Household");
  if (!ctx.viewer.isStaffForResidentsOf(household.building.path)) throw forbidden("只能登记本人负责区域的居民");
  const phone = normalisePhone(options.phone);
  const realName = options.realName.trim();
  if (!realName) throw new AppError(ErrorCode.VALIDATION, "请填写姓名", { field: "realName" });

  const membership = await ctx.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`grant:${phone}`}))`;
    const account =
      (await tx.account.findUnique({ where: { phone } })) ??
      // The real name stays private; the public name says nothing about the person.
      (await tx.account.create({ data: { phone, realName, displayName: randomDisplayName() } }));
    const existing = await tx.householdMember.findUnique({
      where: { householdId_accountId: { householdId: household.id, accountId: account.id } },
    });
    if (existing?.status === "VERIFIED") {
      throw new AppError(ErrorCode.CONFLICT, "此人已是该住户的认证居民", { field: "phone" });
    }
    const data = {
      status: "VERIFIED" as const,
      isAdult: options.isAdult,
      decidedAt: new Date(),
      decidedById: ctx.viewer.accountId,
      decisionNote: "工作人员现场登记",
    };
    let saved: HouseholdMember;
    if (existing) {
      // Conditional on the status read, like decideMembership: a concurrent decision wins or we do.
      const changed = await tx.householdMember.updateMany({
        where: { id: existing.id, status: existing.status },
        data,
      });
      if (changed.count !== 1) throw new AppError(ErrorCode.CONFLICT, "该住户成员状态已被其他工作人员更改，请刷新");
      saved = await tx.householdMember.findUniqueOrThrow({ where: { id: existing.id } });
    } else {
      saved = await tx.householdMember.create({ data: { ...data, householdId: household.id, accountId: account.id } });
    }
    await recordAudit(tx, {
      actorId: ctx.viewer.accountId,
      action: "membership.register",
      subjectType: "HOUSEHOLD_MEMBER",
      subjectId: saved.id,
      areaId: household.buildingId,
      fromStatus: existing?.status ?? null,
      toStatus: "VERIFIED",
    });
    await createNotification(tx, {
      recipientId: account.id,
      kind: "membership.verified",
      title: "居民认证已通过",
      body: `${household.building.name} ${household.unit}（工作人员现场登记）`,
      subjectType: "HOUSEHOLD_MEMBER",
      subjectId: saved.id,
    });
    return saved;
  });
  announce(ctx, membership.accountId, membership.id);
  ctx.pubsub.publish("account:changed", membership.accountId, { reason: "membership", subjectId: membership.id });
  return membership;
}
