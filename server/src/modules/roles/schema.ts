import { z } from "zod";
import { builder } from "../../builder.js";
import { forbidden } from "../../errors.js";
import { getAreaOrThrow } from "../areas/service.js";
import { RoleEnum } from "../shared/enums.js";
import { parseId, parseOptionalId } from "../shared/ids.js";
import { grantRole, revokeRole, setDeputyProfile } from "./service.js";

builder.prismaObject("RoleGrant", {
  fields: (t) => ({
    id: t.exposeID("id"),
    role: t.expose("role", { type: RoleEnum }),
    area: t.relation("area"),
    council: t.relation("council", { nullable: true }),
    department: t.relation("department", { nullable: true }),
    post: t.relation("post", { nullable: true }),
    account: t.relation("account"),
    grantedAt: t.expose("grantedAt", { type: "DateTime" }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("roleGrants", (t) =>
  t.prismaConnection({
    type: "RoleGrant",
    cursor: "id",
    description: "Staff: active role grants within an area they administer.",
    authScopes: { staff: true },
    args: { areaId: t.arg.id({ required: true }), role: t.arg({ type: RoleEnum }) },
    totalCount: async (_root, args, ctx) => {
      const area = await getAreaOrThrow(ctx, parseId(args.areaId, "areaId"));
      if (!ctx.viewer.isStaffFor(area.path)) throw forbidden("只能查看本人负责区域的角色");
      return ctx.prisma.roleGrant.count({
        where: {
          revokedAt: null,
          area: { path: { startsWith: area.path } },
          ...(args.role ? { role: args.role } : {}),
        },
      });
    },
    resolve: async (query, _root, args, ctx) => {
      const area = await getAreaOrThrow(ctx, parseId(args.areaId, "areaId"));
      if (!ctx.viewer.isStaffFor(area.path)) throw forbidden("只能查看本人负责区域的角色");
      return ctx.prisma.roleGrant.findMany({
        ...query,
        where: {
          revokedAt: null,
          area: { path: { startsWith: area.path } },
          ...(args.role ? { role: args.role } : {}),
        },
        orderBy: { id: "asc" },
      });
    },
  }),
);

builder.mutationFields((t) => ({
  grantRole: t.prismaField({
    type: "RoleGrant",
    description:
      "Grant a role to the person with this phone (registered if new). Council roles name the council, " +
      "deputies the liaison post, department handlers the department; other roles name the area.",
    authScopes: { staff: true },
    errors: {},
    args: {
      phone: t.arg.string({ required: true }),
      realName: t.arg.string(),
      role: t.arg({ type: RoleEnum, required: true }),
      areaId: t.arg.id(),
      councilId: t.arg.id(),
      departmentId: t.arg.id(),
      postId: t.arg.id(),
    },
    resolve: async (query, _root, args, ctx) => {
      const grant = await grantRole(ctx, {
        phone: args.phone,
        realName: args.realName,
        role: args.role,
        areaId: parseOptionalId(args.areaId, "areaId"),
        councilId: parseOptionalId(args.councilId, "councilId"),
        departmentId: parseOptionalId(args.departmentId, "departmentId"),
        postId: parseOptionalId(args.postId, "postId"),
      });
      return ctx.prisma.roleGrant.findUniqueOrThrow({ ...query, where: { id: grant.id } });
    },
  }),
  revokeRole: t.prismaField({
    type: "RoleGrant",
    authScopes: { staff: true },
    errors: {},
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const grant = await revokeRole(ctx, { grantId: parseId(args.id, "id") });
      return ctx.prisma.roleGrant.findUniqueOrThrow({ ...query, where: { id: grant.id } });
    },
  }),
}));

builder.mutationField("setDeputyProfile", (t) =>
  t.prismaField({
    type: "DeputyProfile",
    description: "Staff: the public name, title and introduction of a deputy serving in their area.",
    authScopes: { staff: true },
    errors: {},
    args: {
      accountId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true, validate: z.string().trim().min(1, "请填写姓名").max(30) }),
      title: t.arg.string({
        required: true,
        validate: z.string().trim().min(1, "请填写代表职务，如“区人大代表”").max(40),
      }),
      bio: t.arg.string({ validate: z.string().max(500, "简介不超过500字").nullish() }),
    },
    resolve: async (query, _root, args, ctx) => {
      const profile = await setDeputyProfile(ctx, { ...args, accountId: parseId(args.accountId, "accountId") });
      return ctx.prisma.deputyProfile.findUniqueOrThrow({ ...query, where: { id: profile.id } });
    },
  }),
);
