import { z } from "zod";
import { builder } from "../../builder.js";
import { CouncilKindEnum, PostKindEnum } from "../shared/enums.js";
import { parseId, parseOptionalId, underArea } from "../shared/ids.js";
import {
  createCouncil,
  createDepartment,
  createLiaisonPost,
  updateCouncil,
  updateDepartment,
  updateLiaisonPost,
} from "./service.js";

const name = z.string().trim().min(1, "请填写名称").max(50, "名称不超过50字");

builder.prismaObject("Council", {
  description: "议事会 of an area. Public, with its members' public names.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: CouncilKindEnum }),
    area: t.relation("area"),
    supportThreshold: t.exposeInt("supportThreshold"),
    meetingQuorum: t.exposeInt("meetingQuorum"),
    members: t.relation("roleGrants", {
      description: "Active members and facilitators.",
      query: { where: { revokedAt: null }, orderBy: { id: "asc" } },
    }),
  }),
});

builder.prismaObject("Department", {
  description: "承办部门: handles suggestions transferred to it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    area: t.relation("area"),
    contact: t.exposeString("contact", { nullable: true }),
  }),
});

builder.prismaObject("LiaisonPost", {
  description: "家站点: 代表之家 → 联络站 → 联系点, each serving an area.",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: PostKindEnum }),
    name: t.exposeString("name"),
    parent: t.relation("parent", { nullable: true }),
    children: t.relation("children", { query: { orderBy: { id: "asc" } } }),
    area: t.relation("area"),
    address: t.exposeString("address"),
    openHours: t.exposeString("openHours", { nullable: true }),
    deputies: t.prismaField({
      type: ["DeputyProfile"],
      description: "Deputies serving at this post (public profiles).",
      select: (_args, _ctx, nestedSelection) => ({
        roleGrants: {
          where: { role: "DEPUTY", revokedAt: null },
          select: { account: { select: { deputyProfile: nestedSelection(true) } } },
        },
      }),
      resolve: (_query, post) =>
        post.roleGrants.flatMap((grant) => (grant.account.deputyProfile ? [grant.account.deputyProfile] : [])),
    }),
  }),
});

builder.queryFields((t) => ({
  councils: t.prismaField({
    type: ["Council"],
    description: "Councils of an area and everything under it (all without an area).",
    args: { areaId: t.arg.id() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.council.findMany({
        ...query,
        where: args.areaId ? { area: underArea(parseId(args.areaId, "areaId")) } : {},
        orderBy: { id: "asc" },
      }),
  }),
  council: t.prismaField({
    type: "Council",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.council.findUnique({ ...query, where: { id: parseId(args.id, "id") } }),
  }),
  departments: t.prismaField({
    type: ["Department"],
    description: "Departments of an area and everything under it (all without an area).",
    args: { areaId: t.arg.id() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.department.findMany({
        ...query,
        where: args.areaId ? { area: underArea(parseId(args.areaId, "areaId")) } : {},
        orderBy: { id: "asc" },
      }),
  }),
  department: t.prismaField({
    type: "Department",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.department.findUnique({ ...query, where: { id: parseId(args.id, "id") } }),
  }),
  liaisonPosts: t.prismaField({
    type: ["LiaisonPost"],
    description:
      "The 家站点 tree's top (代表之家), or the children of a post; with areaId, every post serving that area or below.",
    args: { parentId: t.arg.id(), areaId: t.arg.id() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.liaisonPost.findMany({
        ...query,
        where: args.areaId
          ? { area: underArea(parseId(args.areaId, "areaId")) }
          : { parentId: parseOptionalId(args.parentId, "parentId") },
        orderBy: { id: "asc" },
      }),
  }),
  liaisonPost: t.prismaField({
    type: "LiaisonPost",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.liaisonPost.findUnique({ ...query, where: { id: parseId(args.id, "id") } }),
  }),
}));

builder.mutationFields((t) => ({
  createCouncil: t.prismaField({
    type: "Council",
    authScopes: { staff: true },
    errors: {},
    args: {
      areaId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true, validate: name }),
      kind: t.arg({ type: CouncilKindEnum, required: true }),
      supportThreshold: t.arg.int({ defaultValue: 10, validate: z.number().int().min(1, "附议门槛至少为1") }),
      meetingQuorum: t.arg.int({ defaultValue: 1, validate: z.number().int().min(1, "会议法定人数至少为1") }),
    },
    resolve: async (query, _root, args, ctx) => {
      const council = await createCouncil(ctx, {
        areaId: parseId(args.areaId, "areaId"),
        name: args.name,
        kind: args.kind,
        supportThreshold: args.supportThreshold ?? 10,
        meetingQuorum: args.meetingQuorum ?? 1,
      });
      return ctx.prisma.council.findUniqueOrThrow({ ...query, where: { id: council.id } });
    },
  }),
  updateCouncil: t.prismaField({
    type: "Council",
    authScopes: { staff: true },
    errors: {},
    args: {
      id: t.arg.id({ required: true }),
      name: t.arg.string({ validate: name.optional().nullable() }),
      supportThreshold: t.arg.int({ validate: z.number().int().min(1, "附议门槛至少为1").optional().nullable() }),
      meetingQuorum: t.arg.int({ validate: z.number().int().min(1, "会议法定人数至少为1").optional().nullable() }),
    },
    resolve: async (query, _root, args, ctx) => {
      const council = await updateCouncil(ctx, parseId(args.id, "id"), {
        ...(args.name ? { name: args.name } : {}),
        ...(args.supportThreshold ? { supportThreshold: args.supportThreshold } : {}),
        ...(args.meetingQuorum ? { meetingQuorum: args.meetingQuorum } : {}),
      });
      return ctx.prisma.council.findUniqueOrThrow({ ...query, where: { id: council.id } });
    },
  }),
  createDepartment: t.prismaField({
    type: "Department",
    authScopes: { staff: true },
    errors: {},
    args: {
      areaId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true, validate: name }),
      contact: t.arg.string(),
    },
    resolve: async (query, _root, args, ctx) => {
      const department = await createDepartment(ctx, {
        areaId: parseId(args.areaId, "areaId"),
        name: args.name,
        contact: args.contact,
      });
      return ctx.prisma.department.findUniqueOrThrow({ ...query, where: { id: department.id } });
    },
  }),
  updateDepartment: t.prismaField({
    type: "Department",
    authScopes: { staff: true },
    errors: {},
    args: {
      id: t.arg.id({ required: true }),
      name: t.arg.string({ validate: name.optional().nullable() }),
      contact: t.arg.string(),
    },
    resolve: async (query, _root, args, ctx) => {
      const department = await updateDepartment(ctx, parseId(args.id, "id"), args);
      return ctx.prisma.department.findUniqueOrThrow({ ...query, where: { id: department.id } });
    },
  }),
  createLiaisonPost: t.prismaField({
    type: "LiaisonPost",
    authScopes: { staff: true },
    errors: {},
    args: {
      kind: t.arg({ type: PostKindEnum, required: true }),
      name: t.arg.string({ required: true, validate: name }),
      parentId: t.arg.id(),
      areaId: t.arg.id({ required: true }),
      address: t.arg.string({ required: true, validate: z.string().trim().min(1, "请填写地址") }),
      openHours: t.arg.string(),
    },
    resolve: async (query, _root, args, ctx) => {
      const post = await createLiaisonPost(ctx, {
        kind: args.kind,
        name: args.name,
        parentId: parseOptionalId(args.parentId, "parentId"),
        areaId: parseId(args.areaId, "areaId"),
        address: args.address,
        openHours: args.openHours,
      });
      return ctx.prisma.liaisonPost.findUniqueOrThrow({ ...query, where: { id: post.id } });
    },
  }),
  updateLiaisonPost: t.prismaField({
    type: "LiaisonPost",
    authScopes: { staff: true },
    errors: {},
    args: {
      id: t.arg.id({ required: true }),
      name: t.arg.string({ validate: name.optional().nullable() }),
      address: t.arg.string(),
      openHours: t.arg.string(),
    },
    resolve: async (query, _root, args, ctx) => {
      const post = await updateLiaisonPost(ctx, parseId(args.id, "id"), args);
      return ctx.prisma.liaisonPost.findUniqueOrThrow({ ...query, where: { id: post.id } });
    },
  }),
}));
