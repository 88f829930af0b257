import { z } from "zod";
import { builder } from "../../builder.js";
import { AreaKindEnum } from "../shared/enums.js";
import { parseId, parseOptionalId } from "../shared/ids.js";
import { addHouseholds, createArea, renameArea, setBlockCoverage } from "./service.js";

/** Area names and the tree are public: residents pick their compound before signing in. */
export const AreaRef = builder.prismaObject("Area", {
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: AreaKindEnum }),
    name: t.exposeString("name"),
    parent: t.relation("parent", { nullable: true }),
    children: t.relation("children", { query: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] } }),
    childCount: t.relationCount("children"),
    ancestors: t.prismaField({
      type: ["Area"],
      description: "From the top of the tree down to the parent.",
      select: { path: true },
      resolve: (query, area, _args, ctx) => {
        const ids = area.path.split("/").filter(Boolean).map(Number).slice(0, -1);
        return ctx.prisma.area
          .findMany({ ...query, where: { id: { in: ids } } })
          .then((rows) => rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)));
      },
    }),
    households: t.relatedConnection("households", {
      authScopes: { signedIn: true },
      cursor: "id",
      query: { orderBy: { id: "asc" } },
      totalCount: true,
    }),
    coveredAreas: t.prismaField({
      type: ["Area"],
      description: "A 街区: the 居民区 and 小区 it covers, whose residents are its residents (empty for other kinds).",
      select: (_args, _ctx, nestedSelection) => ({
        blockCoverage: { select: { area: nestedSelection(true) }, orderBy: { areaId: "asc" } },
      }),
      resolve: (_query, area) => area.blockCoverage.map((coverage) => coverage.area),
    }),
    coveringBlocks: t.prismaField({
      type: ["Area"],
      description: "A 居民区 or 小区: the 街区 that cover it.",
      select: (_args, _ctx, nestedSelection) => ({
        coveredBy: { select: { block: nestedSelection(true) }, orderBy: { blockId: "asc" } },
      }),
      resolve: (_query, area) => area.coveredBy.map((coverage) => coverage.block),
    }),
    councils: t.relation("councils", { query: { orderBy: { id: "asc" } } }),
    departments: t.relation("departments", { query: { orderBy: { id: "asc" } } }),
    liaisonPosts: t.relation("liaisonPosts", { query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaObject("Household", {
  description: "户. Visible to signed-in people choosing where they live; never who lives there.",
  fields: (t) => ({
    id: t.exposeID("id"),
    unit: t.exposeString("unit"),
    floorAreaSqm: t.float({ resolve: (household) => household.floorAreaCentiSqm / 100 }),
    building: t.relation("building"),
  }),
});

builder.queryFields((t) => ({
  areas: t.prismaField({
    type: ["Area"],
    description: "Areas under a parent (the top of the tree without one), optionally of one kind.",
    args: { parentId: t.arg.id(), kind: t.arg({ type: AreaKindEnum }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.area.findMany({
        ...query,
        where: { parentId: parseOptionalId(args.parentId, "parentId"), ...(args.kind ? { kind: args.kind } : {}) },
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      }),
  }),
  area: t.prismaField({
    type: "Area",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.area.findUnique({ ...query, where: { id: parseId(args.id, "id") } }),
  }),
  searchAreas: t.prismaField({
    type: ["Area"],
    description: "Areas whose name contains the text (at most 20), e.g. to find one's compound.",
    args: { text: t.arg.string({ required: true }), kind: t.arg({ type: AreaKindEnum }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.area.findMany({
        ...query,
        where: { name: { contains: args.text.trim() }, ...(args.kind ? { kind: args.kind } : {}) },
        orderBy: { id: "asc" },
        take: 20,
      }),
  }),
}));

const NewHouseholdInput = builder.inputType("NewHouseholdInput", {
  fields: (t) => ({
    unit: t.string({ required: true }),
    floorAreaSqm: t.float({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  createArea: t.prismaField({
    type: "Area",
    authScopes: { staff: true },
    errors: {},
    args: {
      parentId: t.arg.id({ required: true }),
      kind: t.arg({ type: AreaKindEnum, required: true }),
      name: t.arg.string({
        required: true,
        validate: z.string().trim().min(1, "请填写名称").max(50, "名称不超过50字"),
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const area = await createArea(ctx, { ...args, parentId: parseId(args.parentId, "parentId") });
      return ctx.prisma.area.findUniqueOrThrow({ ...query, where: { id: area.id } });
    },
  }),
  renameArea: t.prismaField({
    type: "Area",
    authScopes: { staff: true },
    errors: {},
    args: {
      id: t.arg.id({ required: true }),
      name: t.arg.string({
        required: true,
        validate: z.string().trim().min(1, "请填写名称").max(50, "名称不超过50字"),
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const area = await renameArea(ctx, { areaId: parseId(args.id, "id"), name: args.name });
      return ctx.prisma.area.findUniqueOrThrow({ ...query, where: { id: area.id } });
    },
  }),
  setBlockCoverage: t.prismaField({
    type: "Area",
    description:
      "Staff: the 居民区 and 小区 a 街区 covers (the whole list, replacing the previous one); their residents are the block's.",
    authScopes: { staff: true },
    errors: {},
    args: {
      blockId: t.arg.id({ required: true }),
      areaIds: t.arg.idList({ required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const block = await setBlockCoverage(ctx, {
        blockId: parseId(args.blockId, "blockId"),
        areaIds: args.areaIds.map((id) => parseId(id, "areaIds")),
      });
      return ctx.prisma.area.findUniqueOrThrow({ ...query, where: { id: block.id } });
    },
  }),
  addHouseholds: t.prismaField({
    type: ["Household"],
    authScopes: { staff: true },
    errors: {},
    args: {
      buildingId: t.arg.id({ required: true }),
      households: t.arg({ type: [NewHouseholdInput], required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const created = await addHouseholds(ctx, {
        buildingId: parseId(args.buildingId, "buildingId"),
        households: args.households,
      });
      return ctx.prisma.household.findMany({ ...query, where: { id: { in: created.map((h) => h.id) } } });
    },
  }),
}));
