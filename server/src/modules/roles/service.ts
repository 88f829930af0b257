import type { Context } from "../../context.js";
import { AppError, ErrorCode, forbidden, invalid, notFound, unauthenticated } from "../../errors.js";
import type { Role } from "../../generated/prisma/client.js";
import { normalisePhone } from "../accounts/phone.js";
import { randomDisplayName } from "../accounts/service.js";
import { recordAudit } from "../audit/service.js";
import { announce, createNotification } from "../notifications/service.js";

/** Roles plain staff may hand out; STAFF and ADMIN themselves need an admin. */
const STAFF_GRANTABLE: readonly Role[] = ["COUNCIL_MEMBER", "FACILITATOR", "PLANNER", "DEPUTY", "DEPARTMENT_HANDLER"];

export const ROLE_LABELS: Record<Role, string> = {
  COUNCIL_MEMBER: "议事会成员",
  FACILITATOR: "议事会主持人",
  PLANNER: "社区规划师",
  DEPUTY: "人大代表",
  DEPARTMENT_HANDLER: "承办部门经办人",
  STAFF: "街道工作人员",
  ADMIN: "管理员",
};

function assertMayGrant(ctx: Context, role: Role, areaPath: string) {
  const allowed = STAFF_GRANTABLE.includes(role) ? ctx.viewer.isStaffFor(areaPath) : ctx.viewer.isAdminFor(areaPath);
  if (!allowed) {
    throw forbidden(
      STAFF_GRANTABLE.includes(role) ? "只能在本人负责的区域内授予角色" : "只有该区域的管理员可以授予此角色",
    );
  }
}

export interface GrantOptions {
  phone: string;
  realName?: string | null;
  role: Role;
  areaId?: number | null;
  councilId?: number | null;
  departmentId?: number | null;
  postId?: number | null;
}

/** Where a grant applies follows from what it names: a council's, department's or post's area. */
async function resolveScope(ctx: Context, options: GrantOptions) {
  const { role } = options;
  if (role === "COUNCIL_MEMBER" || role === "FACILITATOR") {
    if (!options.councilId) throw invalid("councilId", "请选择议事会");
    const council = await ctx.prisma.council.findUnique({ where: { id: options.councilId }, include: { area: true } });
    if (!council) throw notFound("Council");
    return { area: council.area, councilId: council.id, departmentId: null, postId: null };
  }
  if (role === "DEPUTY") {
    if (!options.postId) throw invalid("postId", "请选择联络站");
    const post = await ctx.prisma.liaisonPost.findUnique({ where: { id: options.postId }, include: { area: true } });
    if (!post) throw notFound("Liaison post");
    return { area: post.area, councilId: null, departmentId: null, postId: post.id };
  }
  if (role === "DEPARTMENT_HANDLER") {
    if (!options.departmentId) throw invalid("departmentId", "请选择部门");
    const department = await ctx.prisma.department.findUnique({
      where: { id: options.departmentId },
      include: { area: true },
    });
    if (!department) throw notFound("Department");
    return { area: department.area, councilId: null, departmentId: department.id, postId: null };
  }
  if (!options.areaId) throw invalid("areaId", "请选择区域");
  const area = await ctx.prisma.area.findUnique({ where: { id: options.areaId } });
  if (!area) throw notFound("Area");
  return { area, councilId: null, departmentId: null, postId: null };
}

/** Grants a role to the person with this phone, registering them if they have no account yet. */
export async function grantRole(ctx: Context, options: GrantOptions) {
  if (!ctx.viewer.accountId) throw unauthenticated();
  const phone = normalisePhone(options.phone);
  const scope = await resolveScope(ctx, options);
  assertMayGrant(ctx, options.role, scope.area.path);

  const grant = await ctx.prisma.$transaction(async (tx) => {
    // One grant at a time per person, so two staff granting the same role cannot duplicate it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`grant:${phone}`}))`;
    const account =
      (await tx.account.findUnique({ where: { phone } })) ??
      (await tx.account.create({
        // The real name is private (staff of the area see it); the public name must not repeat it.
        data: { phone, realName: options.realName?.trim() || null, displayName: randomDisplayName() },
      }));
    const duplicate = await tx.roleGrant.findFirst({
      where: {
        accountId: account.id,
        role: options.role,
        areaId: scope.area.id,
        councilId: scope.councilId,
        departmentId: scope.departmentId,
        postId: scope.postId,
        revokedAt: null,
      },
    });
    if (duplicate) throw new AppError(ErrorCode.CONFLICT, "此人已拥有该角色", { field: "role" });
    const created = await tx.roleGrant.create({
      data: {
        accountId: account.id,
        role: options.role,
        areaId: scope.area.id,
        councilId: scope.councilId,
        departmentId: scope.departmentId,
        postId: scope.postId,
        grantedById: ctx.viewer.accountId,
      },
    });
    await recordAudit(tx, {
      actorId: ctx.viewer.accountId,
      action: "role.grant",
      subjectType: "ROLE_GRANT",
      subjectId: created.id,
      areaId: scope.area.id,
      data: { accountId: account.id, role: options.role },
    });
    await createNotification(tx, {
      recipientId: account.id,
      kind: "role.granted",
      title: `您已成为${ROLE_LABELS[options.role]}`,
      body: scope.area.name,
      subjectType: "ROLE_GRANT",
      subjectId: created.id,
    });
    return created;
  });
  ctx.pubsub.publish("account:changed", grant.accountId, { reason: "roles", subjectId: grant.id });
  announce(ctx, grant.accountId, grant.id);
  return grant;
}

export async function revokeRole(ctx: Context, options: { grantId: number }) {
  if (!ctx.viewer.accountId) throw unauthenticated();
  const grant = await ctx.prisma.roleGrant.findUnique({ where: { id: options.grantId }, include: { area: true } });
  if (!grant) throw notFound("Role grant");
  assertMayGrant(ctx, grant.role, grant.area.path);
  if (grant.accountId === ctx.viewer.accountId && grant.role === "ADMIN") {
    throw forbidden("不能撤销自己的管理员权限");
  }
  const revoked = await ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.roleGrant.updateMany({
      where: { id: grant.id, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: ctx.viewer.accountId },
    });
    if (changed.count !== 1) throw new AppError(ErrorCode.CONFLICT, "该角色已被撤销");
    await recordAudit(tx, {
      actorId: ctx.viewer.accountId,
      action: "role.revoke",
      subjectType: "ROLE_GRANT",
      subjectId: grant.id,
      areaId: grant.areaId,
      data: { accountId: grant.accountId, role: grant.role },
    });
    return tx.roleGrant.findUniqueOrThrow({ where: { id: grant.id } });
  });
  ctx.pubsub.publish("account:changed", grant.accountId, { reason: "roles", subjectId: grant.id });
  // Subscriptions opened under the role must not keep delivering what it allowed.
  ctx.pubsub.publish("account:accessChanged", { accountId: grant.accountId, reason: "roles" });
  return revoked;
}

/** The public face of a deputy: name and title shown on posts and reception days. */
export async function setDeputyProfile(
  ctx: Context,
  options: { accountId: number; name: string; title: string; bio?: string | null },
) {
  if (!ctx.viewer.accountId) throw unauthenticated();
  // Staff of an area where the person serves as a deputy may edit their profile.
  const grants = await ctx.prisma.roleGrant.findMany({
    where: { accountId: options.accountId, role: "DEPUTY", revokedAt: null },
    include: { area: true },
  });
  if (!grants.length) throw invalid("accountId", "此人尚未被授予人大代表角色");
  const served = grants.find((grant) => ctx.viewer.isStaffFor(grant.area.path));
  if (!served) throw forbidden("只能维护本人负责区域的代表信息");
  const data = { name: options.name.trim(), title: options.title.trim(), bio: options.bio?.trim() || null };
  return ctx.prisma.$transaction(async (tx) => {
    const profile = await tx.deputyProfile.upsert({
      where: { accountId: options.accountId },
      create: { accountId: options.accountId, ...data },
      update: data,
    });
    await recordAudit(tx, {
      actorId: ctx.viewer.accountId,
      action: "deputy.profile",
      subjectType: "ACCOUNT",
      subjectId: options.accountId,
      // On the trail of the area where the editor serves the deputy, so that area's staff see it.
      areaId: served.areaId,
      data,
    });
    return profile;
  });
}
