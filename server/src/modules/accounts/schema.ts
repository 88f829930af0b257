import { z } from "zod";
import { builder } from "../../builder.js";
import { LocaleEnum } from "../shared/enums.js";
import { parseId } from "../shared/ids.js";
import { canReadPrivate, privacySelection } from "./privacy.js";
import { requestSignInCode, setAccountDisabled, signIn, signOut, updateMyProfile } from "./service.js";

export const AccountRef = builder.prismaObject("Account", {
  description: "A person. Only displayName is public; phone and real name are private.",
  fields: (t) => ({
    id: t.exposeID("id"),
    displayName: t.exposeString("displayName"),
    phone: t.string({
      nullable: true,
      description: "Only the person and staff of their area see it.",
      select: { ...privacySelection, phone: true },
      resolve: (account, _args, ctx) => (canReadPrivate(ctx, account) ? account.phone : null),
    }),
    realName: t.string({
      nullable: true,
      select: { ...privacySelection, realName: true },
      resolve: (account, _args, ctx) => (canReadPrivate(ctx, account) ? account.realName : null),
    }),
    disabledAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When an admin disabled the account (it cannot sign in); seen by whoever sees its phone.",
      select: { ...privacySelection, disabledAt: true },
      resolve: (account, _args, ctx) => (canReadPrivate(ctx, account) ? account.disabledAt : null),
    }),
    locale: t.field({
      type: LocaleEnum,
      nullable: true,
      resolve: (account, _args, ctx) => (ctx.viewer.accountId === account.id ? account.locale : null),
    }),
    largeText: t.boolean({
      nullable: true,
      resolve: (account, _args, ctx) => (ctx.viewer.accountId === account.id ? account.largeText : null),
    }),
    deputyProfile: t.relation("deputyProfile", { nullable: true }),
  }),
});

builder.prismaObject("DeputyProfile", {
  description: "The public face of a people's-congress deputy.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    title: t.exposeString("title"),
    bio: t.exposeString("bio", { nullable: true }),
  }),
});

const CodeRequest = builder.objectRef<Awaited<ReturnType<typeof requestSignInCode>>>("SignInCodeRequest").implement({
  fields: (t) => ({
    maskedPhone: t.exposeString("maskedPhone"),
    expiresInSeconds: t.exposeInt("expiresInSeconds"),
    resendAfterSeconds: t.exposeInt("resendAfterSeconds"),
  }),
});

const SignInPayload = builder.objectRef<Awaited<ReturnType<typeof signIn>>>("SignInPayload").implement({
  fields: (t) => ({
    token: t.exposeString("token", {
      description: "Bearer token for API clients; the web app uses the httpOnly cookie set alongside.",
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    isNewAccount: t.exposeBoolean("isNewAccount"),
    account: t.prismaField({
      type: "Account",
      resolve: (query, payload, _args, ctx) =>
        ctx.prisma.account.findUniqueOrThrow({ ...query, where: { id: payload.accountId } }),
    }),
  }),
});

builder.mutationFields((t) => ({
  requestSignInCode: t.field({
    type: CodeRequest,
    description: "Sends a 6-digit sign-in code to the phone (rate-limited).",
    errors: {},
    args: { phone: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => requestSignInCode(ctx, args),
  }),
  signIn: t.field({
    type: SignInPayload,
    description: "Signs in (creating the account on first use) with the code sent to the phone.",
    errors: {},
    args: { phone: t.arg.string({ required: true }), code: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => signIn(ctx, args),
  }),
  signOut: t.boolean({
    description: "Ends this device's session.",
    resolve: (_root, _args, ctx) => signOut(ctx),
  }),
  updateMyProfile: t.prismaField({
    type: "Account",
    authScopes: { signedIn: true },
    errors: {},
    args: {
      displayName: t.arg.string({
        validate: z.string().trim().min(1, "请填写昵称").max(20, "昵称不超过20字").nullish(),
      }),
      realName: t.arg.string({ validate: z.string().trim().max(30, "姓名不超过30字").nullish() }),
      locale: t.arg({ type: LocaleEnum }),
      largeText: t.arg.boolean(),
    },
    resolve: async (query, _root, args, ctx) => {
      const account = await updateMyProfile(ctx, args);
      return ctx.prisma.account.findUniqueOrThrow({ ...query, where: { id: account.id } });
    },
  }),
  setAccountDisabled: t.prismaField({
    type: "Account",
    description:
      "Admin of an area the person lives or serves in: disable the account (sessions and live connections end) or enable it again.",
    authScopes: { staff: true },
    errors: {},
    args: { id: t.arg.id({ required: true }), disabled: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const account = await setAccountDisabled(ctx, { accountId: parseId(args.id, "id"), disabled: args.disabled });
      return ctx.prisma.account.findUniqueOrThrow({ ...query, where: { id: account.id } });
    },
  }),
}));

const ViewerRef = builder.objectRef<{ signedIn: boolean }>("Viewer").implement({
  description: "Who is asking, with their roles and households: the client builds its navigation from it.",
  fields: (t) => ({
    signedIn: t.exposeBoolean("signedIn"),
    account: t.prismaField({
      type: "Account",
      nullable: true,
      resolve: (query, _viewer, _args, ctx) =>
        ctx.viewer.accountId ? ctx.prisma.account.findUnique({ ...query, where: { id: ctx.viewer.accountId } }) : null,
    }),
    roles: t.prismaField({
      type: ["RoleGrant"],
      description: "Active role grants.",
      resolve: (query, _viewer, _args, ctx) =>
        ctx.viewer.accountId
          ? ctx.prisma.roleGrant.findMany({
              ...query,
              where: { accountId: ctx.viewer.accountId, revokedAt: null },
              orderBy: { id: "asc" },
            })
          : [],
    }),
    memberships: t.prismaField({
      type: ["HouseholdMember"],
      description: "Households the person has claimed, with their verification status.",
      resolve: (query, _viewer, _args, ctx) =>
        ctx.viewer.accountId
          ? ctx.prisma.householdMember.findMany({
              ...query,
              where: { accountId: ctx.viewer.accountId },
              orderBy: { id: "asc" },
            })
          : [],
    }),
    isStaff: t.boolean({ resolve: (_viewer, _args, ctx) => ctx.viewer.isStaffAnywhere }),
    isVerifiedResident: t.boolean({ resolve: (_viewer, _args, ctx) => ctx.viewer.isVerifiedResident }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({ type: ViewerRef, resolve: (_root, _args, ctx) => ({ signedIn: ctx.viewer.signedIn }) }),
);

const ViewerChangeReason = builder.enumType("ViewerChangeReason", {
  values: ["notification", "membership", "roles"] as const,
});

const ViewerChange = builder
  .objectRef<{ reason: "notification" | "membership" | "roles"; subjectId?: number }>("ViewerChange")
  .implement({
    description: "Something changed for the signed-in person; refetch what depends on it.",
    fields: (t) => ({
      reason: t.field({ type: ViewerChangeReason, resolve: (change) => change.reason }),
      subjectId: t.id({ nullable: true, resolve: (change) => change.subjectId ?? null }),
    }),
  });

builder.subscriptionField("viewerChanged", (t) =>
  t.field({
    type: ViewerChange,
    authScopes: { signedIn: true },
    subscribe: (_root, _args, ctx) => ctx.pubsub.subscribe("account:changed", ctx.viewer.accountId ?? 0),
    resolve: (change) => change,
  }),
);
