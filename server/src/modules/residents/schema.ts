import { filter, pipe } from "graphql-yoga";
import { builder } from "../../builder.js";
import { forbidden } from "../../errors.js";
import { getAreaOrThrow, residentAreaPathsOf } from "../areas/service.js";
import { MembershipStatusEnum } from "../shared/enums.js";
import { parseId, parseOptionalId } from "../shared/ids.js";
import { decideMembership, registerResident, requestMembership, staffMembershipWhere } from "./service.js";

builder.prismaObject("HouseholdMember", {
  description: "A person's claim to live in a household; only they and the area's staff see it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    status: t.expose("status", { type: MembershipStatusEnum }),
    isAdult: t.exposeBoolean("isAdult"),
    requestedAt: t.expose("requestedAt", { type: "DateTime" }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    decisionNote: t.exposeString("decisionNote", { nullable: true }),
    household: t.relation("household"),
    account: t.relation("account"),
  }),
});

/**
 * Resolves an optional area filter to the paths of its residents (a 街区's covered areas),
 * checking the viewer is staff there or of a 街区 covering it.
 */
async function staffResidentPaths(
  ctx: Parameters<typeof getAreaOrThrow>[0],
  areaId: string | number | null | undefined,
) {
  const id = parseOptionalId(areaId, "areaId");
  if (id === null) return null;
  const area = await getAreaOrThrow(ctx, id);
  if (!ctx.viewer.isStaffFor(area.path) && !ctx.viewer.isStaffForResidentsOf(area.path)) {
    throw forbidden("只能查看本人负责区域的居民");
  }
  // Only a 街区 needs its coverage read; any other area's residents are those under it.
  return area.kind === "BLOCK" ? residentAreaPathsOf(ctx.prisma, area.id) : [area.path];
}

builder.queryFields((t) => ({
  memberships: t.prismaConnection({
    type: "HouseholdMember",
    cursor: "id",
    description: "Staff: residents and verification requests in their areas, newest first.",
    authScopes: { staff: true },
    args: {
      areaId: t.arg.id(),
      status: t.arg({ type: MembershipStatusEnum }),
      search: t.arg.string({ description: "Phone, name or unit contains." }),
    },
    totalCount: (_root, args, ctx) =>
      staffResidentPaths(ctx, args.areaId).then((areaPaths) =>
        ctx.prisma.householdMember.count({ where: staffMembershipWhere(ctx, { ...args, areaPaths }) }),
      ),
    resolve: async (query, _root, args, ctx) => {
      const areaPaths = await staffResidentPaths(ctx, args.areaId);
      return ctx.prisma.householdMember.findMany({
        ...query,
        where: staffMembershipWhere(ctx, { ...args, areaPaths }),
        orderBy: { id: "desc" },
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  requestMembership: t.prismaField({
    type: "HouseholdMember",
    description: "Resident: ask to be verified as living in this household.",
    authScopes: { signedIn: true },
    errors: {},
    args: { householdId: t.arg.id({ required: true }), isAdult: t.arg.boolean({ defaultValue: true }) },
    resolve: async (query, _root, args, ctx) => {
      const membership = await requestMembership(ctx, {
        householdId: parseId(args.householdId, "householdId"),
        isAdult: args.isAdult ?? true,
      });
      return ctx.prisma.householdMember.findUniqueOrThrow({ ...query, where: { id: membership.id } });
    },
  }),
  decideMembership: t.prismaField({
    type: "HouseholdMember",
    description: "Staff: verify, reject (with a reason) or revoke (with a reason) a membership.",
    authScopes: { staff: true },
    errors: {},
    args: {
      id: t.arg.id({ required: true }),
      decision: t.arg({
        type: builder.enumType("MembershipDecision", { values: ["VERIFIED", "REJECTED", "REVOKED"] as const }),
        required: true,
      }),
      note: t.arg.string(),
    },
    resolve: async (query, _root, args, ctx) => {
      const membership = await decideMembership(ctx, {
        membershipId: parseId(args.id, "id"),
        to: args.decision,
        note: args.note,
      });
      return ctx.prisma.householdMember.findUniqueOrThrow({ ...query, where: { id: membership.id } });
    },
  }),
}));

builder.mutationField("registerResident", (t) =>
  t.prismaField({
    type: "HouseholdMember",
    description: "Staff: register a resident in person; verified at once (account created if new).",
    authScopes: { staff: true },
    errors: {},
    args: {
      householdId: t.arg.id({ required: true }),
      phone: t.arg.string({ required: true }),
      realName: t.arg.string({ required: true }),
      isAdult: t.arg.boolean({ defaultValue: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const membership = await registerResident(ctx, {
        householdId: parseId(args.householdId, "householdId"),
        phone: args.phone,
        realName: args.realName,
        isAdult: args.isAdult ?? true,
      });
      return ctx.prisma.householdMember.findUniqueOrThrow({ ...query, where: { id: membership.id } });
    },
  }),
);

builder.subscriptionField("membershipQueueChanged", (t) =>
  t.id({
    description: "Staff: a verification request in one of their areas arrived or changed (its id).",
    authScopes: { staff: true },
    subscribe: (_root, _args, ctx) =>
      pipe(
        ctx.pubsub.subscribe("staff:membershipQueue"),
        filter((event) => ctx.viewer.isStaffForResidentsOf(event.areaPath)),
      ),
    resolve: (event) => String(event.membershipId),
  }),
);
