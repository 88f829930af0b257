import { filter, pipe } from "graphql-yoga";
import { z } from "zod";
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { notFound } from "../../errors.js";
import type { AuditEvent, Prisma, SuggestionCategory, SuggestionStatus } from "../../generated/prisma/client.js";
import type { ReceptionFigures } from "../receptions/figures.js";
import {
  SatisfactionEnum,
  SuggestionCategoryEnum,
  SuggestionChannelEnum,
  SuggestionStatusEnum,
  TextMessageKindEnum,
  TransferRoleEnum,
  TransferStatusEnum,
} from "../shared/enums.js";
import { parseId, parseOptionalId } from "../shared/ids.js";
import {
  accessSelection,
  isHandler,
  isPublic,
  publicSuggestionWhere,
  type SuggestionForAccess,
  textFor,
} from "./access.js";
import {
  addWorkingDays,
  calendarFor,
  calendarYear,
  clearCalendarDay,
  type DayInfo,
  fromDbDate,
  isIsoDate,
  setCalendarDay,
  today,
} from "./calendar.js";
import { deadline, transferDeadline } from "./deadlines.js";
import {
  actsForPost,
  allowedActions,
  allowedTransferActions,
  DUE_SOON_WORKING_DAYS,
  PHONE_FOLLOW_UP_DAYS,
  RATING_WINDOW_WORKING_DAYS,
  type SUGGESTION_ACTIONS,
  type SuggestionState,
  stateSelection,
  type TRANSFER_ACTIONS,
  unratedCloseFrom,
} from "./lifecycle.js";
import {
  allowedPublicationActions,
  hideSuggestion,
  type PUBLICATION_ACTIONS,
  type PublicationState,
  publicationSelection,
  setSuggestionPublication,
  unhideSuggestion,
} from "./publication.js";
import {
  departmentQueueWhere,
  deputyInboxWhere,
  queueOrder,
  type SuggestionFilter,
  staffSuggestionsWhere,
  suggestionOrder,
} from "./queries.js";
import {
  acceptSuggestion,
  acknowledgeTransfer,
  addSuggestionTransfers,
  closeSuggestion,
  completeTransfer,
  declineSuggestion,
  followSuggestion,
  postSuggestionUpdate,
  rateSuggestion,
  rateSuggestionByPhone,
  recordSuggestion,
  replySuggestion,
  returnTransfer,
  SUGGESTION_EVENT_KINDS,
  submitSuggestion,
  type TransferSpec,
  transferSuggestion,
} from "./service.js";
import {
  averageHandlingWorkingDays,
  closureRate,
  type Ratio,
  STATS_DEFINITIONS,
  type StatsRow,
  type SuggestionStatistics,
  satisfactionRate,
  suggestionStatistics,
} from "./stats.js";

// 人大代表联络站 suggestion tracking. A suggestion is readable by its handlers (access.ts: the
// submitter, the deputies of its post, the departments it was transferred to, staff of its area)
// and, when the submitter allowed it and a deputy accepted it, by everyone — but the submitter's
// identity never leaves the handlers. Every change goes through service.ts (lifecycle.ts holds the
// table); every list is authorised in its `where` (queries.ts).

export const SuggestionActionEnum = builder.enumType("SuggestionAction", {
  description: "A mutation the viewer may perform on the suggestion now (see Suggestion.viewerActions).",
  values: {
    ACCEPT: { description: "acceptSuggestion" },
    DECLINE: { description: "declineSuggestion" },
    TRANSFER: { description: "transferSuggestion: the round's first transfer" },
    ADD_TRANSFER: { description: "addSuggestionTransfers: more departments while it is handled" },
    REPLY: { description: "replySuggestion" },
    RATE: { description: "rateSuggestion (the submitter)" },
    RATE_BY_PHONE: {
      description: "rateSuggestionByPhone: a deputy enters the rating of a submitter without an account (电话回访)",
    },
    CLOSE: { description: "closeSuggestion" },
  } satisfies Record<(typeof SUGGESTION_ACTIONS)[number], unknown>,
});

export const TransferActionEnum = builder.enumType("TransferAction", {
  description: "A mutation the viewer's department may perform on the transfer now.",
  values: {
    ACKNOWLEDGE: { description: "acknowledgeTransfer (签收)" },
    UPDATE: { description: "postSuggestionUpdate (办理进展)" },
    RETURN: { description: "returnTransfer (退回)" },
    COMPLETE: { description: "completeTransfer (协办办结)" },
  } satisfies Record<(typeof TRANSFER_ACTIONS)[number], unknown>,
});

const EventKindEnum = builder.enumType("SuggestionEventKind", { values: SUGGESTION_EVENT_KINDS });

export const PublicationActionEnum = builder.enumType("SuggestionPublicationAction", {
  description: "A change to the public board the viewer may make now (see Suggestion.viewerPublicationActions).",
  values: {
    WITHDRAW_CONSENT: { description: "setSuggestionPublication(allow: false): the submitter withdraws consent" },
    GIVE_CONSENT: { description: "setSuggestionPublication(allow: true): the submitter consents" },
    HIDE: { description: "hideSuggestion: a deputy of the post or staff of its area takes it off, with a reason" },
    UNHIDE: { description: "unhideSuggestion: … and puts it back" },
  } satisfies Record<(typeof PUBLICATION_ACTIONS)[number], unknown>,
});

const ActorRoleEnum = builder.enumType("SuggestionActorRole", {
  values: ["SUBMITTER", "DEPUTY", "STAFF", "DEPARTMENT", "SYSTEM"] as const,
});

const follows = new WeakMap<object, Promise<Set<number>>>();

/** The suggestions the viewer follows, loaded once per request (lists ask for many). */
function followedBy(ctx: Context): Promise<Set<number>> {
  let set = follows.get(ctx);
  if (!set) {
    const accountId = ctx.viewer.accountId;
    set = accountId
      ? ctx.prisma.follow
          .findMany({ where: { accountId, subjectType: "SUGGESTION" }, select: { subjectId: true } })
          .then((rows) => new Set(rows.map((row) => row.subjectId)))
      : Promise.resolve(new Set<number>());
    follows.set(ctx, set);
  }
  return set;
}

async function clock(ctx: Context) {
  return { calendar: await calendarFor(ctx), today: today() };
}

builder.prismaObject("Suggestion", {
  fields: (t) => ({
    id: t.exposeID("id"),
    category: t.expose("category", { type: SuggestionCategoryEnum }),
    title: t.string({
      description: "For anyone but its handlers, phone and ID-card numbers in it are masked (138****0002).",
      select: { ...accessSelection, title: true },
      resolve: (s, _args, ctx) => textFor(ctx, s, s.title),
    }),
    content: t.string({
      description: "For anyone but its handlers, phone and ID-card numbers in it are masked.",
      select: { ...accessSelection, content: true },
      resolve: (s, _args, ctx) => textFor(ctx, s, s.content),
    }),
    place: t.string({
      nullable: true,
      description: "For anyone but its handlers, phone and ID-card numbers in it are masked.",
      select: { ...accessSelection, place: true },
      resolve: (s, _args, ctx) => textFor(ctx, s, s.place),
    }),
    channel: t.expose("channel", { type: SuggestionChannelEnum }),
    status: t.expose("status", { type: SuggestionStatusEnum }),
    round: t.exposeInt("round", {
      description: "Handling round: 1, then + 1 each time 不满意 reopens it under supervision.",
    }),
    supervised: t.boolean({ description: "Under supervision now or before (round > 1).", resolve: (s) => s.round > 1 }),
    allowPublish: t.exposeBoolean("allowPublish", {
      description: "The submitter consents to its publication (opt-in; they may withdraw it any time).",
    }),
    isPublic: t.boolean({
      description: "On the public board: consented, accepted, and not taken off by a deputy or staff.",
      resolve: (s) => isPublic(s),
    }),
    hiddenAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "Handlers only: when a deputy or staff took it off the public board.",
      select: { ...accessSelection, hiddenAt: true },
      resolve: (s, _args, ctx) => (isHandler(ctx, s) ? s.hiddenAt : null),
    }),
    hiddenReason: t.string({
      nullable: true,
      description: "Handlers only: why it was taken off the public board.",
      select: { ...accessSelection, hiddenReason: true },
      resolve: (s, _args, ctx) => (isHandler(ctx, s) ? s.hiddenReason : null),
    }),
    viewerPublicationActions: t.field({
      type: [PublicationActionEnum],
      description: "What the viewer may change about its publication now; the mutations check the same rules.",
      select: publicationSelection,
      resolve: (s, _args, ctx) => allowedPublicationActions(ctx.viewer, s as PublicationState),
    }),
    declineReason: t.exposeString("declineReason", { nullable: true }),
    acceptedAt: t.expose("acceptedAt", { type: "DateTime", nullable: true }),
    declinedAt: t.expose("declinedAt", { type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    dueOn: t.field({
      type: "Date",
      nullable: true,
      description: "The earliest due date among the current round's open transfers; null when none is open.",
      resolve: (s) => (s.dueOn ? fromDbDate(s.dueOn) : null),
    }),
    workingDaysLeft: t.int({
      nullable: true,
      description: "Working days until dueOn (0 on the day); negative once overdue. Null without a due date.",
      resolve: async (s, _args, ctx) => {
        if (!s.dueOn) return null;
        const { calendar, today: now } = await clock(ctx);
        return deadline(calendar, fromDbDate(s.dueOn), now).workingDaysLeft;
      },
    }),
    overdue: t.boolean({
      description: "An open transfer of the current round is past its due date.",
      resolve: (s) => s.dueOn !== null && fromDbDate(s.dueOn) < today(),
    }),
    dueSoon: t.boolean({
      description: `Not overdue, and the earliest open due date is at most ${DUE_SOON_WORKING_DAYS} working days away.`,
      resolve: async (s, _args, ctx) => {
        if (!s.dueOn) return false;
        const { calendar, today: now } = await clock(ctx);
        return deadline(calendar, fromDbDate(s.dueOn), now).dueSoon;
      },
    }),
    post: t.relation("post"),
    area: t.relation("area"),
    receptionDay: t.relation("receptionDay", { nullable: true }),
    submitter: t.prismaField({
      type: "Account",
      nullable: true,
      description: "Handlers only.",
      select: (_args, _ctx, nested) => ({ ...accessSelection, submitter: nested(true) }),
      resolve: (_query, s, _args, ctx) => (isHandler(ctx, s) ? s.submitter : null),
    }),
    submitterName: t.string({
      nullable: true,
      description: "Handlers only: the name recorded with it, else the submitter's real name.",
      select: { ...accessSelection, submitterName: true, submitter: { select: { realName: true } } },
      resolve: (s, _args, ctx) => (isHandler(ctx, s) ? (s.submitterName ?? s.submitter?.realName ?? null) : null),
    }),
    submitterPhone: t.string({
      nullable: true,
      description: "Handlers only: the phone recorded with it, else the submitter's account phone (to call them back).",
      select: { ...accessSelection, submitterPhone: true, submitter: { select: { phone: true } } },
      resolve: (s, _args, ctx) => (isHandler(ctx, s) ? (s.submitterPhone ?? s.submitter?.phone ?? null) : null),
    }),
    viewerIsHandler: t.boolean({ select: accessSelection, resolve: (s, _args, ctx) => isHandler(ctx, s) }),
    viewerIsSubmitter: t.boolean({
      select: { submitterId: true },
      resolve: (s, _args, ctx) => s.submitterId !== null && s.submitterId === ctx.viewer.accountId,
    }),
    viewerActions: t.field({
      type: [SuggestionActionEnum],
      description: "What the viewer may do now; the mutations check exactly the same rules.",
      select: stateSelection,
      resolve: async (s, _args, ctx) => allowedActions(ctx.viewer, s as SuggestionState, await clock(ctx)),
    }),
    unratedCloseFrom: t.field({
      type: "Date",
      nullable: true,
      description: `While replied and unrated: the first date it may be closed without a rating — ${RATING_WINDOW_WORKING_DAYS} working days after the reply when the submitter has an account, ${PHONE_FOLLOW_UP_DAYS} days after it when they have none (a deputy calls them and enters their rating). Null otherwise.`,
      select: stateSelection,
      resolve: async (s, _args, ctx) => unratedCloseFrom(s as SuggestionState, (await clock(ctx)).calendar),
    }),
    viewerFollows: t.boolean({
      description: "The viewer follows it (is notified of its steps).",
      resolve: async (s, _args, ctx) => (await followedBy(ctx)).has(s.id),
    }),
    transfers: t.prismaField({
      type: ["SuggestionTransfer"],
      description: "Handlers only: every transfer, all rounds, oldest first.",
      select: (_args, _ctx, nested) => ({ ...accessSelection, transfers: nested({ orderBy: { id: "asc" } }) }),
      resolve: (_query, s, _args, ctx) => (isHandler(ctx, s) ? s.transfers : []),
    }),
    currentTransfers: t.prismaField({
      type: ["SuggestionTransfer"],
      description: "Handlers only: the current round's transfers (returned ones included), oldest first.",
      select: (_args, _ctx, nested) => ({
        ...accessSelection,
        round: true,
        transfers: nested({ orderBy: { id: "asc" } }),
      }),
      resolve: (_query, s, _args, ctx) => (isHandler(ctx, s) ? s.transfers.filter((tr) => tr.round === s.round) : []),
    }),
    replies: t.relation("replies", { query: { orderBy: { round: "asc" } } }),
    ratings: t.prismaField({
      type: ["SuggestionRating"],
      description: "Handlers only.",
      select: (_args, _ctx, nested) => ({ ...accessSelection, ratings: nested({ orderBy: { round: "asc" } }) }),
      resolve: (_query, s, _args, ctx) => (isHandler(ctx, s) ? s.ratings : []),
    }),
    textMessages: t.prismaField({
      type: ["TextMessage"],
      description:
        "Deputies of its post and staff of its area only: the text messages to a submitter without an account (reply, decline, closing), newest first — a FAILED one did not reach them, call them instead.",
      select: (_args, _ctx, nested) => ({
        postId: true,
        area: { select: { path: true } },
        texts: nested({ orderBy: { id: "desc" } }),
      }),
      resolve: (_query, s, _args, ctx) => (actsForPost(ctx.viewer, s) ? s.texts : []),
    }),
    attachments: t.prismaField({
      type: ["Attachment"],
      description: "Handlers only: photos may show people and homes.",
      select: (_args, _ctx, nested) => ({ ...accessSelection, attachments: nested({ orderBy: { id: "asc" } }) }),
      resolve: (_query, s, _args, ctx) => (isHandler(ctx, s) ? s.attachments : []),
    }),
    timeline: t.prismaField({
      type: ["AuditEvent"],
      description:
        "The public timeline: each status change with when. Who acted is shown, except the submitter, whom only handlers see.",
      select: accessSelection,
      resolve: async (query, s, _args, ctx) => {
        const events = await ctx.prisma.auditEvent.findMany({
          ...query,
          where: { subjectType: "SUGGESTION", subjectId: s.id, public: true },
          orderBy: { id: "asc" },
        });
        if (isHandler(ctx, s as SuggestionForAccess)) return events;
        // The resident's own steps (submitting, rating) must not name them to the public.
        return events.map((event) =>
          event.actorId !== null && event.actorId === s.submitterId
            ? Object.assign(event, { actorId: null, actor: null })
            : event,
        );
      },
    }),
    history: t.field({
      type: [SuggestionEventRef],
      description:
        "Handlers only (empty for others): every step, public or internal (transfers to each department, sign-for, progress, returns, reminders), oldest first.",
      select: accessSelection,
      resolve: async (s, _args, ctx) => {
        if (!isHandler(ctx, s as SuggestionForAccess)) return [];
        return ctx.prisma.auditEvent.findMany({
          where: { subjectType: "SUGGESTION", subjectId: s.id },
          include: {
            actor: { select: { id: true, displayName: true, deputyProfile: { select: { name: true, title: true } } } },
          },
          orderBy: { id: "asc" },
        });
      },
    }),
  }),
});

type HistoryRow = AuditEvent & {
  actor: { id: number; displayName: string; deputyProfile: { name: string; title: string } | null } | null;
};

const dataOf = (event: HistoryRow) =>
  event.data && typeof event.data === "object" ? (event.data as Record<string, unknown>) : {};
const stringData = (event: HistoryRow, key: string) => {
  const value = dataOf(event)[key];
  return typeof value === "string" ? value : null;
};

const SuggestionEventRef = builder.objectRef<HistoryRow>("SuggestionEvent").implement({
  description: "One step in the handling of a suggestion, for its handlers.",
  fields: (t) => ({
    id: t.id({ resolve: (e) => e.id.toString() }),
    at: t.expose("at", { type: "DateTime" }),
    action: t.string({
      description:
        "suggestion.create | suggestion.transition | suggestion.transfer | suggestion.acknowledge | suggestion.update | suggestion.return | suggestion.completeTransfer | suggestion.dueSoon | suggestion.overdue | suggestion.textNotice | suggestion.publication | suggestion.hide | suggestion.unhide",
      resolve: (e) => e.action,
    }),
    public: t.exposeBoolean("public", { description: "Also on the public timeline." }),
    fromStatus: t.field({
      type: SuggestionStatusEnum,
      nullable: true,
      resolve: (e) => e.fromStatus as SuggestionStatus | null,
    }),
    toStatus: t.field({
      type: SuggestionStatusEnum,
      nullable: true,
      resolve: (e) => e.toStatus as SuggestionStatus | null,
    }),
    round: t.int({
      nullable: true,
      resolve: (e) => (typeof dataOf(e).round === "number" ? (dataOf(e).round as number) : null),
    }),
    actorRole: t.field({
      type: ActorRoleEnum,
      nullable: true,
      resolve: (e) =>
        (stringData(e, "actorRole") as "SUBMITTER" | "DEPUTY" | "STAFF" | "DEPARTMENT" | "SYSTEM" | null) ?? null,
    }),
    actor: t.prismaField({
      type: "Account",
      nullable: true,
      resolve: (query, e, _args, ctx) =>
        e.actorId ? ctx.prisma.account.findUnique({ ...query, where: { id: e.actorId } }) : null,
    }),
    actorName: t.string({
      nullable: true,
      description: "A deputy's name from their public profile, else the person's display name.",
      resolve: (e) => e.actor?.deputyProfile?.name ?? e.actor?.displayName ?? null,
    }),
    departmentName: t.string({ nullable: true, resolve: (e) => stringData(e, "departmentName") }),
    transferId: t.id({
      nullable: true,
      resolve: (e) => (typeof dataOf(e).transferId === "number" ? String(dataOf(e).transferId) : null),
    }),
    transferRole: t.field({
      type: TransferRoleEnum,
      nullable: true,
      resolve: (e) => stringData(e, "transferRole") as "LEAD" | "CO" | null,
    }),
    dueOn: t.field({ type: "Date", nullable: true, resolve: (e) => stringData(e, "dueOn") }),
    reason: t.string({
      nullable: true,
      description: "Why: a decline or return reason, the 不满意 comment, the deputy's note.",
      resolve: (e) => stringData(e, "reason") ?? stringData(e, "comment") ?? stringData(e, "note"),
    }),
    byPhone: t.boolean({
      description: "A rating taken by phone (电话回访) and entered by a deputy.",
      resolve: (e) => dataOf(e).byPhone === true,
    }),
    allowPublish: t.boolean({
      nullable: true,
      description: "suggestion.publication: whether the submitter gave (true) or withdrew (false) consent.",
      resolve: (e) => (typeof dataOf(e).allowPublish === "boolean" ? (dataOf(e).allowPublish as boolean) : null),
    }),
    satisfaction: t.field({
      type: SatisfactionEnum,
      nullable: true,
      resolve: (e) => stringData(e, "satisfaction") as "SATISFIED" | "BASICALLY_SATISFIED" | "UNSATISFIED" | null,
    }),
  }),
});

builder.prismaObject("SuggestionTransfer", {
  description: "转办 to a department (主办 lead or 协办 co-handler) with a due date. Handlers only.",
  fields: (t) => ({
    id: t.exposeID("id"),
    suggestion: t.relation("suggestion"),
    department: t.relation("department"),
    role: t.expose("role", { type: TransferRoleEnum }),
    round: t.exposeInt("round"),
    status: t.expose("status", { type: TransferStatusEnum }),
    note: t.exposeString("note", { nullable: true, description: "The deputy's instructions (转办意见)." }),
    dueOn: t.field({ type: "Date", resolve: (tr) => fromDbDate(tr.dueOn) }),
    workingDaysLeft: t.int({
      nullable: true,
      description: "Working days until the due date (0 on the day), negative once overdue; null once done or returned.",
      resolve: async (tr, _args, ctx) => {
        const { calendar, today: now } = await clock(ctx);
        return transferDeadline(calendar, tr, now)?.workingDaysLeft ?? null;
      },
    }),
    overdue: t.boolean({
      description: "Open (PENDING or IN_PROGRESS) and past its due date.",
      resolve: async (tr, _args, ctx) => {
        const { calendar, today: now } = await clock(ctx);
        return transferDeadline(calendar, tr, now)?.overdue ?? false;
      },
    }),
    dueSoon: t.boolean({
      description: `Open, not overdue, at most ${DUE_SOON_WORKING_DAYS} working days left.`,
      resolve: async (tr, _args, ctx) => {
        const { calendar, today: now } = await clock(ctx);
        return transferDeadline(calendar, tr, now)?.dueSoon ?? false;
      },
    }),
    transferredAt: t.expose("transferredAt", { type: "DateTime" }),
    transferredBy: t.relation("transferredBy"),
    returnReason: t.exposeString("returnReason", { nullable: true }),
    returnedAt: t.expose("returnedAt", { type: "DateTime", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    remindedAt: t.expose("remindedAt", {
      type: "DateTime",
      nullable: true,
      description: "The due-soon reminder went out.",
    }),
    overdueNotifiedAt: t.expose("overdueNotifiedAt", { type: "DateTime", nullable: true }),
    updates: t.relation("updates", { query: { orderBy: { id: "asc" } } }),
    viewerActions: t.field({
      type: [TransferActionEnum],
      description: "What the viewer's department may do with this transfer now.",
      select: { suggestion: { select: stateSelection } },
      resolve: (tr, _args, ctx) =>
        allowedTransferActions(ctx.viewer, tr.suggestion as SuggestionState, {
          id: tr.id,
          departmentId: tr.departmentId,
          role: tr.role,
          round: tr.round,
          status: tr.status,
        }),
    }),
  }),
});

builder.prismaObject("SuggestionUpdate", {
  description: "办理进展 posted by a department.",
  fields: (t) => ({
    id: t.exposeID("id"),
    body: t.exposeString("body"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    attachments: t.relation("attachments", { query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaObject("SuggestionReply", {
  description: "答复 to the resident, one per handling round. Public with a public suggestion.",
  fields: (t) => ({
    id: t.exposeID("id"),
    round: t.exposeInt("round"),
    body: t.string({
      description: "For anyone but the suggestion's handlers, phone and ID-card numbers in it are masked.",
      select: { body: true, suggestion: { select: accessSelection } },
      resolve: (r, _args, ctx) => textFor(ctx, r.suggestion, r.body),
    }),
    department: t.relation("department", {
      nullable: true,
      description: "The lead department that replied; null when a deputy did.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("SuggestionRating", {
  description: "The submitter's rating of a round's reply. Handlers only.",
  fields: (t) => ({
    id: t.exposeID("id"),
    round: t.exposeInt("round"),
    satisfaction: t.expose("satisfaction", { type: SatisfactionEnum }),
    comment: t.exposeString("comment", { nullable: true }),
    byPhone: t.exposeBoolean("byPhone", {
      description: "Taken by phone (电话回访) from a submitter without an account, entered by `enteredByName`.",
    }),
    enteredByName: t.string({
      nullable: true,
      description: "By phone: the deputy (public name) or staff member who entered it. Null when the submitter rated.",
      select: { byPhone: true, rater: { select: { displayName: true, deputyProfile: { select: { name: true } } } } },
      resolve: (r) => (r.byPhone ? (r.rater.deputyProfile?.name ?? r.rater.displayName) : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const TextMessageStatusEnum = builder.enumType("TextMessageStatus", {
  values: {
    PENDING: { description: "Not sent yet: waiting for its first try or for the retry after a failure." },
    SENT: { description: "The SMS gateway took it." },
    FAILED: { description: "Every attempt failed; no more will be made." },
  },
});

builder.prismaObject("TextMessage", {
  description:
    "A text message to a submitter without an account, from the outbox: sent once the change it tells of committed, retried with backoff when the gateway fails. The phone is the suggestion's submitterPhone.",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: TextMessageKindEnum }),
    body: t.exposeString("body"),
    status: t.field({
      type: TextMessageStatusEnum,
      select: { sentAt: true, failedAt: true },
      resolve: (m) => (m.sentAt ? "SENT" : m.failedAt ? "FAILED" : "PENDING"),
    }),
    attempts: t.exposeInt("attempts"),
    lastError: t.exposeString("lastError", {
      nullable: true,
      description: "Why the last attempt failed (the gateway's answer).",
    }),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime", nullable: true }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    failedAt: t.expose("failedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

// ───────────────────────────── lists ─────────────────────────────

function publicWhere(args: {
  postId?: string | number | null;
  category?: SuggestionCategory | null;
  status?: readonly SuggestionStatus[] | null;
  search?: string | null;
}): Prisma.SuggestionWhereInput {
  const search = args.search?.trim();
  // Public text shows personal numbers masked; searching the original for a run of digits would
  // tell whether a given phone or ID number is in a suggestion. Such a search matches nothing.
  const probesNumbers = search ? /\d{5,}/.test(search) : false;
  return {
    AND: [
      publicSuggestionWhere,
      ...(probesNumbers ? [{ id: -1 }] : []),
      ...(args.postId ? [{ postId: parseId(args.postId, "postId") }] : []),
      ...(args.category ? [{ category: args.category }] : []),
      ...(args.status?.length ? [{ status: { in: [...args.status] } }] : []),
      ...(search ? [{ OR: [{ title: { contains: search } }, { content: { contains: search } }] }] : []),
    ],
  };
}

const SuggestionFilterInput = builder.inputType("SuggestionFilter", {
  fields: (t) => ({
    postId: t.id(),
    areaId: t.id({ description: "That area and everything under it." }),
    status: t.field({ type: [SuggestionStatusEnum] }),
    category: t.field({ type: SuggestionCategoryEnum }),
    channel: t.field({ type: SuggestionChannelEnum }),
    overdue: t.boolean({ description: "Only those with an open transfer past its due date." }),
    dueSoon: t.boolean({
      description: `Only those with an open transfer due within ${DUE_SOON_WORKING_DAYS} working days.`,
    }),
    supervised: t.boolean({
      description: "true: under supervision now or before (round > 1); false: first round only.",
    }),
    receivedFrom: t.field({ type: "Date" }),
    receivedTo: t.field({ type: "Date" }),
    search: t.string({ description: "Title, content or place contains it (or the number equals it)." }),
  }),
});

const SuggestionOrderEnum = builder.enumType("SuggestionOrder", {
  values: {
    URGENCY: {
      description:
        "By the date something is due on it: the earliest open transfer's due date while a department handles it; while it waits for the post's deputies (to accept, transfer, re-transfer, follow up by phone, close), 3 days after the wait began. Equal dates oldest first; nothing due (closed, declined, awaiting the resident's rating) last.",
    },
    NEWEST: {},
    OLDEST: {},
  },
});

type FilterArg = typeof SuggestionFilterInput.$inferInput | null | undefined;

function toFilter(input: FilterArg): SuggestionFilter {
  if (!input) return {};
  return {
    ...input,
    postId: parseOptionalId(input.postId, "filter.postId"),
    areaId: parseOptionalId(input.areaId, "filter.areaId"),
  };
}

builder.queryFields((t) => ({
  publicSuggestions: t.prismaConnection({
    type: "Suggestion",
    cursor: "id",
    description: "The public board: suggestions their submitters allowed to publish, once accepted.",
    args: {
      postId: t.arg.id(),
      category: t.arg({ type: SuggestionCategoryEnum }),
      status: t.arg({ type: [SuggestionStatusEnum] }),
      search: t.arg.string(),
    },
    totalCount: (_root, args, ctx) => ctx.prisma.suggestion.count({ where: publicWhere(args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.suggestion.findMany({ ...query, where: publicWhere(args), orderBy: { id: "desc" } }),
  }),
  mySuggestions: t.prismaConnection({
    type: "Suggestion",
    cursor: "id",
    description:
      "The signed-in resident's suggestions (submitted online, or recorded for them at a reception), newest first.",
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.suggestion.findMany({
        ...query,
        where: { submitterId: ctx.viewer.accountId ?? -1 },
        orderBy: { id: "desc" },
      }),
  }),
  suggestion: t.prismaField({
    type: "Suggestion",
    nullable: true,
    description: "Null unless public or the viewer handles it.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = parseId(args.id, "id");
      const access = await ctx.prisma.suggestion.findUnique({ where: { id }, select: accessSelection });
      if (!access || !(isPublic(access) || isHandler(ctx, access))) return null;
      return ctx.prisma.suggestion.findUnique({ ...query, where: { id } });
    },
  }),
  deputyInbox: t.prismaConnection({
    type: "Suggestion",
    cursor: "id",
    description: "A deputy's workbench: the suggestions of the posts where they serve. Default order: URGENCY.",
    authScopes: { signedIn: true },
    args: {
      filter: t.arg({ type: SuggestionFilterInput }),
      orderBy: t.arg({ type: SuggestionOrderEnum, defaultValue: "URGENCY" }),
    },
    totalCount: async (_root, args, ctx) =>
      ctx.prisma.suggestion.count({ where: await deputyInboxWhere(ctx, toFilter(args.filter)) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.suggestion.findMany({
        ...query,
        where: await deputyInboxWhere(ctx, toFilter(args.filter)),
        orderBy: suggestionOrder(args.orderBy ?? "URGENCY"),
      }),
  }),
  staffSuggestions: t.prismaConnection({
    type: "Suggestion",
    cursor: "id",
    description: "Staff: the suggestions in the areas where they are staff. Default order: NEWEST.",
    authScopes: { staff: true },
    args: {
      filter: t.arg({ type: SuggestionFilterInput }),
      orderBy: t.arg({ type: SuggestionOrderEnum, defaultValue: "NEWEST" }),
    },
    totalCount: async (_root, args, ctx) =>
      ctx.prisma.suggestion.count({ where: await staffSuggestionsWhere(ctx, toFilter(args.filter)) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.suggestion.findMany({
        ...query,
        where: await staffSuggestionsWhere(ctx, toFilter(args.filter)),
        orderBy: suggestionOrder(args.orderBy ?? "NEWEST"),
      }),
  }),
  departmentQueue: t.prismaConnection({
    type: "SuggestionTransfer",
    cursor: "id",
    description:
      "A department's queue: transfers to the departments the viewer handles (or the one given), open ones unless `status` says otherwise, by urgency: overdue first, then due soonest.",
    authScopes: { signedIn: true },
    args: {
      departmentId: t.arg.id(),
      status: t.arg({ type: [TransferStatusEnum] }),
      overdue: t.arg.boolean(),
      dueSoon: t.arg.boolean(),
      search: t.arg.string(),
    },
    totalCount: async (_root, args, ctx) =>
      ctx.prisma.suggestionTransfer.count({
        where: await departmentQueueWhere(ctx, {
          ...args,
          departmentId: parseOptionalId(args.departmentId, "departmentId"),
        }),
      }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.suggestionTransfer.findMany({
        ...query,
        where: await departmentQueueWhere(ctx, {
          ...args,
          departmentId: parseOptionalId(args.departmentId, "departmentId"),
        }),
        orderBy: queueOrder,
      }),
  }),
}));

// ───────────────────────────── statistics ─────────────────────────────

const RatioRef = builder.objectRef<Ratio>("Ratio").implement({
  description: "An exact ratio: numerator / denominator, and the percentage rounded half up to 2 decimals.",
  fields: (t) => ({
    numerator: t.exposeInt("numerator"),
    denominator: t.exposeInt("denominator"),
    percent: t.exposeString("percent", {
      nullable: true,
      description: 'e.g. "95.24"; null when the denominator is 0.',
    }),
  }),
});

const StatsRowRef = builder.objectRef<StatsRow>("SuggestionStatsRow").implement({
  description: 'The figures of one group, or of the whole period (key "total").',
  fields: (t) => ({
    key: t.exposeString("key", {
      description:
        'The group: a post, deputy (account) or department id; a category; a month YYYY-MM; "none"; "total".',
    }),
    label: t.exposeString("label"),
    received: t.exposeInt("received", { description: STATS_DEFINITIONS.received }),
    accepted: t.exposeInt("accepted", { description: STATS_DEFINITIONS.accepted }),
    declined: t.exposeInt("declined", { description: STATS_DEFINITIONS.declined }),
    transferred: t.exposeInt("transferred", { description: STATS_DEFINITIONS.transferred }),
    replied: t.exposeInt("replied", { description: STATS_DEFINITIONS.replied }),
    closed: t.exposeInt("closed", { description: STATS_DEFINITIONS.closed }),
    closureRate: t.field({ type: RatioRef, description: STATS_DEFINITIONS.closureRate, resolve: closureRate }),
    rated: t.exposeInt("rated", { description: STATS_DEFINITIONS.rated }),
    ratedByPhone: t.exposeInt("ratedByPhone", { description: STATS_DEFINITIONS.ratedByPhone }),
    satisfied: t.exposeInt("satisfied", { description: "满意, by the latest rating." }),
    basicallySatisfied: t.exposeInt("basicallySatisfied", { description: "基本满意, by the latest rating." }),
    unsatisfied: t.exposeInt("unsatisfied", { description: "不满意, by the latest rating." }),
    satisfactionRate: t.field({
      type: RatioRef,
      description: STATS_DEFINITIONS.satisfactionRate,
      resolve: satisfactionRate,
    }),
    averageHandlingWorkingDays: t.string({
      nullable: true,
      description: `${STATS_DEFINITIONS.averageHandlingWorkingDays} 2 decimals, rounded half up; null when none closed.`,
      resolve: averageHandlingWorkingDays,
    }),
    handlingWorkingDaysTotal: t.exposeInt("handlingWorkingDaysTotal", {
      description: "The sum behind the average: averageHandlingWorkingDays = handlingWorkingDaysTotal / closed.",
    }),
    overdue: t.exposeInt("overdue", { description: STATS_DEFINITIONS.overdue }),
  }),
});

const StatsGroupByEnum = builder.enumType("SuggestionStatsGroupBy", {
  description: STATS_DEFINITIONS.groups,
  values: ["POST", "DEPUTY", "DEPARTMENT", "CATEGORY", "MONTH"] as const,
});

const ReceptionFiguresRef = builder.objectRef<ReceptionFigures>("ReceptionFigures").implement({
  description:
    "The reception days (接待日) of the same posts and areas, held in the period: for the report's 接待选民…人次.",
  fields: (t) => ({
    held: t.exposeInt("held", { description: "Days held: not called off, started by the end of the period." }),
    visitors: t.exposeInt("visitors", {
      description:
        "接待人次: each day's recorded visitor count, or its attended bookings where none was recorded (never fewer).",
    }),
    daysWithVisitorCount: t.exposeInt("daysWithVisitorCount", {
      description: "Days whose visitor count was recorded; the others count attended bookings only.",
    }),
    booked: t.exposeInt("booked", { description: "Bookings kept for those days (not cancelled)." }),
    attended: t.exposeInt("attended", { description: "Bookings marked attended." }),
    suggestionsRecorded: t.exposeInt("suggestionsRecorded", {
      description: "Suggestions recorded at those reception days.",
    }),
  }),
});

const StatisticsRef = builder.objectRef<SuggestionStatistics>("SuggestionStatistics").implement({
  description: STATS_DEFINITIONS.period,
  fields: (t) => ({
    from: t.field({ type: "Date", resolve: (s) => s.from }),
    to: t.field({ type: "Date", resolve: (s) => s.to }),
    asOf: t.field({
      type: "Date",
      description: "The date the figures stand at: `to`, or today while the period runs.",
      resolve: (s) => s.asOf,
    }),
    groupBy: t.field({ type: StatsGroupByEnum, resolve: (s) => s.groupBy }),
    total: t.field({ type: StatsRowRef, resolve: (s) => s.total }),
    rows: t.field({
      type: [StatsRowRef],
      description:
        "One per group. MONTH and CATEGORY list every month / category (zeros included); the others only groups with suggestions.",
      resolve: (s) => s.rows,
    }),
    receptions: t.field({ type: ReceptionFiguresRef, resolve: (s) => s.receptions }),
    csvUrl: t.string({
      description: "The same figures as a CSV download (same authorisation).",
      resolve: (s) => exportUrl("statistics", "csv", s),
    }),
    xlsxUrl: t.string({ description: "… and as an Excel file.", resolve: (s) => exportUrl("statistics", "xlsx", s) }),
    listCsvUrl: t.string({
      description: "The period's suggestions, one row each (no personal data), as CSV.",
      resolve: (s) => exportUrl("list", "csv", s),
    }),
    listXlsxUrl: t.string({ description: "… and as an Excel file.", resolve: (s) => exportUrl("list", "xlsx", s) }),
  }),
});

const scopes = new WeakMap<SuggestionStatistics, { postId: number | null; areaId: number | null }>();

function exportUrl(kind: "statistics" | "list", format: "csv" | "xlsx", s: SuggestionStatistics): string {
  const params = new URLSearchParams({ from: s.from, to: s.to });
  if (kind === "statistics") params.set("groupBy", s.groupBy);
  const scope = scopes.get(s);
  if (scope?.postId) params.set("postId", String(scope.postId));
  if (scope?.areaId) params.set("areaId", String(scope.areaId));
  return `/exports/suggestions/${kind}.${format}?${params}`;
}

builder.queryField("suggestionStatistics", (t) =>
  t.field({
    type: StatisticsRef,
    description: `Staff (their areas) and deputies (their posts). ${STATS_DEFINITIONS.period}`,
    authScopes: { signedIn: true },
    args: {
      from: t.arg({ type: "Date", required: true }),
      to: t.arg({ type: "Date", required: true }),
      groupBy: t.arg({ type: StatsGroupByEnum, required: true }),
      postId: t.arg.id(),
      areaId: t.arg.id(),
    },
    resolve: async (_root, args, ctx) => {
      const scope = { postId: parseOptionalId(args.postId, "postId"), areaId: parseOptionalId(args.areaId, "areaId") };
      const stats = await suggestionStatistics(ctx, { from: args.from, to: args.to, groupBy: args.groupBy, ...scope });
      scopes.set(stats, scope);
      return stats;
    },
  }),
);

// ───────────────────────────── the working-day calendar ─────────────────────────────

const DaySourceEnum = builder.enumType("WorkCalendarDaySource", {
  values: {
    WEEKDAY: { description: "An ordinary Monday–Friday." },
    WEEKEND: { description: "An ordinary Saturday or Sunday." },
    OFFICIAL_HOLIDAY: { description: "A public holiday (chinese-days)." },
    OFFICIAL_WORKDAY: { description: "A make-up working day (调休上班, chinese-days)." },
    OVERRIDE: { description: "Set by staff (setCalendarDay)." },
  },
});

const WorkCalendarDayRef = builder.objectRef<DayInfo>("WorkCalendarDay").implement({
  description: "A date as due dates and handling days count it (Asia/Shanghai).",
  fields: (t) => ({
    date: t.field({ type: "Date", resolve: (d) => d.date }),
    isWorkday: t.exposeBoolean("isWorkday"),
    name: t.exposeString("name", { description: "国庆节、春节 …; 周末; empty for an ordinary working day." }),
    source: t.field({ type: DaySourceEnum, resolve: (d) => d.source }),
    officialIsWorkday: t.exposeBoolean("officialIsWorkday", {
      description: "What the official calendar says, before any override.",
    }),
    officialName: t.exposeString("officialName"),
  }),
});

builder.queryFields((t) => ({
  workCalendar: t.field({
    type: [WorkCalendarDayRef],
    description: "Every day of a year: official holidays and make-up working days with staff overrides on top.",
    args: { year: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) => calendarYear(ctx, args.year),
  }),
  dueDateAfter: t.field({
    type: "Date",
    description:
      "The date `workingDays` working days after `from` (default today): what a transfer's due date will be.",
    args: {
      workingDays: t.arg.int({ required: true, validate: z.number().int().min(0).max(365) }),
      from: t.arg({ type: "Date" }),
    },
    resolve: async (_root, args, ctx) => {
      const start = args.from && isIsoDate(args.from) ? args.from : today();
      return addWorkingDays(await calendarFor(ctx), start, args.workingDays);
    },
  }),
}));

builder.mutationFields((t) => ({
  setCalendarDay: t.field({
    type: WorkCalendarDayRef,
    description:
      "Admins (ADMIN on any area; the calendar is shared by every post and department): make a date a working day or a day off (e.g. next year's holidays once published).",
    authScopes: { staff: true },
    errors: {},
    args: {
      date: t.arg({ type: "Date", required: true }),
      isWorkday: t.arg.boolean({ required: true }),
      name: t.arg.string({ validate: z.string().trim().max(30, "名称不超过30字").nullish() }),
    },
    resolve: (_root, args, ctx) => setCalendarDay(ctx, args),
  }),
  clearCalendarDay: t.field({
    type: WorkCalendarDayRef,
    description: "Admins: drop a date's override; the official calendar applies again.",
    authScopes: { staff: true },
    errors: {},
    args: { date: t.arg({ type: "Date", required: true }) },
    resolve: (_root, args, ctx) => clearCalendarDay(ctx, args),
  }),
}));

// ───────────────────────────── handling ─────────────────────────────

const title = z.string().trim().min(1, "请填写标题").max(50, "标题不超过50字");
const content = z.string().trim().min(1, "请填写内容").max(2000, "内容不超过2000字");
const place = z.string().trim().max(100, "地点不超过100字").nullish();
const longText = (what: string) => z.string().trim().min(1, `请填写${what}`).max(2000, `${what}不超过2000字`);
const note = z.string().trim().max(500, "说明不超过500字").nullish();

const SubmitSuggestionInput = builder.inputType("SubmitSuggestionInput", {
  fields: (t) => ({
    postId: t.id({
      description: "The post to send it to; by default the most local post serving the resident's verified home.",
    }),
    areaId: t.id({ description: "The area it concerns (within the post's area); by default the post's area." }),
    category: t.field({ type: SuggestionCategoryEnum, required: true }),
    title: t.string({ required: true, validate: title }),
    content: t.string({ required: true, validate: content }),
    place: t.string({ validate: place, description: "Where (an address, a landmark)." }),
    allowPublish: t.boolean({
      required: true,
      description: "May it appear on the public board once accepted? Name and phone never do.",
    }),
    photoIds: t.idList({
      description: "Photos uploaded first through POST /uploads (the uploader's own, at most 9).",
      validate: z.array(z.unknown()).max(9, "最多上传 9 张照片").nullish(),
    }),
  }),
});

const RecordSuggestionInput = builder.inputType("RecordSuggestionInput", {
  fields: (t) => ({
    receptionDayId: t.id({ description: "The reception it was heard at (sets the post)." }),
    postId: t.id({ description: "Without a reception day: the post." }),
    areaId: t.id(),
    name: t.string({
      validate: z.string().trim().max(30, "姓名不超过30字").nullish(),
      description: "The resident's name (private).",
    }),
    phone: t.string({
      description:
        "The resident's mobile (private). If it belongs to an account, the suggestion is linked to it: they follow it and rate the reply.",
    }),
    category: t.field({ type: SuggestionCategoryEnum, required: true }),
    title: t.string({ required: true, validate: title }),
    content: t.string({ required: true, validate: content }),
    place: t.string({ validate: place }),
    allowPublish: t.boolean({ required: true }),
    accept: t.boolean({ defaultValue: true, description: "Accept it at once (the deputy heard it in person)." }),
    photoIds: t.idList({
      description: "Photos uploaded first through POST /uploads (the uploader's own, at most 9).",
      validate: z.array(z.unknown()).max(9, "最多上传 9 张照片").nullish(),
    }),
  }),
});

const TransferInput = builder.inputType("TransferInput", {
  description: "One department to transfer to. Give dueInWorkingDays or dueOn; neither means 15 working days.",
  fields: (t) => ({
    departmentId: t.id({ required: true }),
    role: t.field({ type: TransferRoleEnum, required: true }),
    dueInWorkingDays: t.int({ description: "Due this many working days from today (1–120), on the Chinese calendar." }),
    dueOn: t.field({ type: "Date", description: "Or due on this date (today or later)." }),
  }),
});

function toTransferSpecs(transfers: readonly (typeof TransferInput.$inferInput)[]): TransferSpec[] {
  return transfers.map((tr, index) => ({
    departmentId: parseId(tr.departmentId, `transfers.${index}.departmentId`),
    role: tr.role,
    dueInWorkingDays: tr.dueInWorkingDays ?? null,
    dueOn: tr.dueOn ?? null,
  }));
}

const parsePhotoIds = (ids: readonly (string | number)[] | null | undefined) =>
  (ids ?? []).map((id, index) => parseId(id, `photoIds.${index}`));

/**
 * Runs one step on the suggestion `id` (the step returns its id) and answers with the suggestion
 * as the query asks for it, read after the step committed.
 */
const stepOnSuggestion = async (
  query: object,
  ctx: Context,
  id: string | number,
  step: (suggestionId: number) => Promise<number>,
) => {
  const suggestionId = await step(parseId(id, "id"));
  return ctx.prisma.suggestion.findUniqueOrThrow({ ...query, where: { id: suggestionId } });
};

/** The same for a step on the transfer `transferId`, answering with the transfer. */
const stepOnTransfer = async (
  query: object,
  ctx: Context,
  transferId: string | number,
  step: (transferId: number) => Promise<number>,
) => {
  const id = await step(parseId(transferId, "transferId"));
  return ctx.prisma.suggestionTransfer.findUniqueOrThrow({ ...query, where: { id } });
};

type MutationFieldBuilder = Parameters<Parameters<typeof builder.mutationFields>[0]>[0];

/** What a rating says, whether the submitter gives it or a deputy enters it from a call. */
const ratingArgs = (t: MutationFieldBuilder) => ({
  id: t.arg.id({ required: true }),
  satisfaction: t.arg({ type: SatisfactionEnum, required: true }),
  comment: t.arg.string({ validate: z.string().trim().max(500, "评价不超过500字").nullish() }),
});

builder.mutationFields((t) => ({
  submitSuggestion: t.prismaField({
    type: "Suggestion",
    description: "Resident: submit a suggestion online. The submitter follows it and is notified of each step.",
    authScopes: { signedIn: true },
    errors: {},
    args: { input: t.arg({ type: SubmitSuggestionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const s = await submitSuggestion(ctx, {
        ...input,
        postId: parseOptionalId(input.postId, "input.postId"),
        areaId: parseOptionalId(input.areaId, "input.areaId"),
        photoIds: parsePhotoIds(input.photoIds),
      });
      return ctx.prisma.suggestion.findUniqueOrThrow({ ...query, where: { id: s.id } });
    },
  }),
  recordSuggestion: t.prismaField({
    type: "Suggestion",
    description: "Deputy (or the post's staff): record a suggestion heard at a reception, on a resident's behalf.",
    authScopes: { signedIn: true },
    errors: {},
    args: { input: t.arg({ type: RecordSuggestionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const s = await recordSuggestion(ctx, {
        ...input,
        receptionDayId: parseOptionalId(input.receptionDayId, "input.receptionDayId"),
        postId: parseOptionalId(input.postId, "input.postId"),
        areaId: parseOptionalId(input.areaId, "input.areaId"),
        photoIds: parsePhotoIds(input.photoIds),
      });
      return ctx.prisma.suggestion.findUniqueOrThrow({ ...query, where: { id: s.id } });
    },
  }),
  acceptSuggestion: t.prismaField({
    type: "Suggestion",
    description: "Deputy of the post: 受理. SUBMITTED → ACCEPTED.",
    authScopes: { signedIn: true },
    errors: {},
    args: { id: t.arg.id({ required: true }), note: t.arg.string({ validate: note }) },
    resolve: (query, _root, args, ctx) =>
      stepOnSuggestion(query, ctx, args.id, (suggestionId) => acceptSuggestion(ctx, { suggestionId, note: args.note })),
  }),
  declineSuggestion: t.prismaField({
    type: "Suggestion",
    description:
      "Deputy of the post: 不予受理, with the reason the resident will read (by text message when they have no account). SUBMITTED → DECLINED.",
    authScopes: { signedIn: true },
    errors: {},
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true, validate: longText("理由") }) },
    resolve: (query, _root, args, ctx) =>
      stepOnSuggestion(query, ctx, args.id, (suggestionId) =>
        declineSuggestion(ctx, { suggestionId, reason: args.reason }),
      ),
  }),
  transferSuggestion: t.prismaField({
    type: "Suggestion",
    description:
      "Deputy of the post: 转办 — the round's first transfer, to exactly one LEAD and any CO departments. ACCEPTED → TRANSFERRED; under supervision the status stays SUPERVISING. Refused (INVALID_TRANSITION) when the round is already transferred: two deputies at once cannot both transfer.",
    authScopes: { signedIn: true },
    errors: {},
    args: {
      id: t.arg.id({ required: true }),
      transfers: t.arg({ type: [TransferInput], required: true }),
      note: t.arg.string({ validate: note, description: "Instructions to the departments (转办意见)." }),
    },
    resolve: (query, _root, args, ctx) =>
      stepOnSuggestion(query, ctx, args.id, (suggestionId) =>
        transferSuggestion(ctx, { suggestionId, transfers: toTransferSpecs(args.transfers), note: args.note }),
      ),
  }),
  addSuggestionTransfers: t.prismaField({
    type: "Suggestion",
    description:
      "Deputy of the post: 追加转办 while it is handled — more CO departments, or a new LEAD after the lead sent it back. The status does not change.",
    authScopes: { signedIn: true },
    errors: {},
    args: {
      id: t.arg.id({ required: true }),
      transfers: t.arg({ type: [TransferInput], required: true }),
      note: t.arg.string({ validate: note }),
    },
    resolve: (query, _root, args, ctx) =>
      stepOnSuggestion(query, ctx, args.id, (suggestionId) =>
        addSuggestionTransfers(ctx, { suggestionId, transfers: toTransferSpecs(args.transfers), note: args.note }),
      ),
  }),
  acknowledgeTransfer: t.prismaField({
    type: "SuggestionTransfer",
    description:
      "Department: 签收 the transfer (PENDING → IN_PROGRESS); the suggestion goes TRANSFERRED → IN_PROGRESS.",
    authScopes: { signedIn: true },
    errors: {},
    args: { transferId: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      stepOnTransfer(query, ctx, args.transferId, (transferId) => acknowledgeTransfer(ctx, { transferId })),
  }),
  postSuggestionUpdate: t.prismaField({
    type: "SuggestionTransfer",
    description: "Department: post progress (办理进展) on its transfer; signs for it first if needed.",
    authScopes: { signedIn: true },
    errors: {},
    args: {
      transferId: t.arg.id({ required: true }),
      body: t.arg.string({ required: true, validate: longText("办理进展") }),
      photoIds: t.arg.idList({
        description: "Photos uploaded first through POST /uploads (at most 9).",
        validate: z.array(z.unknown()).max(9, "最多上传 9 张照片").nullish(),
      }),
    },
    resolve: (query, _root, args, ctx) =>
      stepOnTransfer(query, ctx, args.transferId, async (transferId) => {
        await postSuggestionUpdate(ctx, { transferId, body: args.body, photoIds: parsePhotoIds(args.photoIds) });
        return transferId;
      }),
  }),
  returnTransfer: t.prismaField({
    type: "SuggestionTransfer",
    description:
      "Department: 退回 its transfer with a reason. When no transfer of the round is left, the suggestion goes back to ACCEPTED (SUPERVISING stays) and the deputies are told.",
    authScopes: { signedIn: true },
    errors: {},
    args: {
      transferId: t.arg.id({ required: true }),
      reason: t.arg.string({ required: true, validate: longText("退回理由") }),
    },
    resolve: (query, _root, args, ctx) =>
      stepOnTransfer(query, ctx, args.transferId, (transferId) =>
        returnTransfer(ctx, { transferId, reason: args.reason }),
      ),
  }),
  completeTransfer: t.prismaField({
    type: "SuggestionTransfer",
    description:
      "Co-handling department: its part is done (IN_PROGRESS → DONE), with an optional closing note. The lead replies instead.",
    authScopes: { signedIn: true },
    errors: {},
    args: {
      transferId: t.arg.id({ required: true }),
      note: t.arg.string({ validate: z.string().trim().max(2000).nullish() }),
    },
    resolve: (query, _root, args, ctx) =>
      stepOnTransfer(query, ctx, args.transferId, (transferId) =>
        completeTransfer(ctx, { transferId, note: args.note }),
      ),
  }),
  replySuggestion: t.prismaField({
    type: "Suggestion",
    description:
      "Lead department or deputy of the post: 答复 to the resident (by text message when they have no account). IN_PROGRESS (or SUPERVISING, once a department is handling it) → REPLIED; the round's open transfers are done.",
    authScopes: { signedIn: true },
    errors: {},
    args: { id: t.arg.id({ required: true }), body: t.arg.string({ required: true, validate: longText("答复内容") }) },
    resolve: (query, _root, args, ctx) =>
      stepOnSuggestion(query, ctx, args.id, (suggestionId) => replySuggestion(ctx, { suggestionId, body: args.body })),
  }),
  rateSuggestion: t.prismaField({
    type: "Suggestion",
    description:
      "The submitter: rate the reply. REPLIED → RATED; UNSATISFIED (comment required) continues at once RATED → SUPERVISING with round + 1, for another transfer.",
    authScopes: { signedIn: true },
    errors: {},
    args: ratingArgs(t),
    resolve: (query, _root, { id, satisfaction, comment }, ctx) =>
      stepOnSuggestion(query, ctx, id, (suggestionId) => rateSuggestion(ctx, { suggestionId, satisfaction, comment })),
  }),
  rateSuggestionByPhone: t.prismaField({
    type: "Suggestion",
    description:
      "Deputy of the post (or staff of its area): enter the rating a submitter without an account gave by phone (电话回访); recorded with who entered it, marked byPhone. Same steps as rateSuggestion. FORBIDDEN when the submitter has an account: they rate themselves.",
    authScopes: { signedIn: true },
    errors: {},
    args: ratingArgs(t),
    resolve: (query, _root, { id, satisfaction, comment }, ctx) =>
      stepOnSuggestion(query, ctx, id, (suggestionId) =>
        rateSuggestionByPhone(ctx, { suggestionId, satisfaction, comment }),
      ),
  }),
  closeSuggestion: t.prismaField({
    type: "Suggestion",
    description: `Deputy of the post: 办结 (a submitter without an account is told by text message). From RATED (满意/基本满意), or from REPLIED without a rating once unratedCloseFrom has come: ${RATING_WINDOW_WORKING_DAYS} working days after the reply (the submitter has an account), ${PHONE_FOLLOW_UP_DAYS} days after it (no account: rate by phone first when they can be reached).`,
    authScopes: { signedIn: true },
    errors: {},
    args: { id: t.arg.id({ required: true }), note: t.arg.string({ validate: note }) },
    resolve: (query, _root, args, ctx) =>
      stepOnSuggestion(query, ctx, args.id, (suggestionId) => closeSuggestion(ctx, { suggestionId, note: args.note })),
  }),
  setSuggestionPublication: t.prismaField({
    type: "Suggestion",
    description:
      "The submitter: give (allow: true) or withdraw (allow: false) consent to show it on the public board, at any time.",
    authScopes: { signedIn: true },
    errors: {},
    args: { id: t.arg.id({ required: true }), allow: t.arg.boolean({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      stepOnSuggestion(query, ctx, args.id, (suggestionId) =>
        setSuggestionPublication(ctx, { suggestionId, allow: args.allow }),
      ),
  }),
  hideSuggestion: t.prismaField({
    type: "Suggestion",
    description:
      "Deputy of the post or staff of its area: take it off the public board, whatever the consent, with a reason (audited; handlers only see it).",
    authScopes: { signedIn: true },
    errors: {},
    args: {
      id: t.arg.id({ required: true }),
      reason: t.arg.string({
        required: true,
        validate: z.string().trim().min(1, "请填写撤下的原因").max(500, "原因不超过500字"),
      }),
    },
    resolve: (query, _root, args, ctx) =>
      stepOnSuggestion(query, ctx, args.id, (suggestionId) =>
        hideSuggestion(ctx, { suggestionId, reason: args.reason }),
      ),
  }),
  unhideSuggestion: t.prismaField({
    type: "Suggestion",
    description:
      "Deputy of the post or staff of its area: put it back on the public board (if the submitter still consents).",
    authScopes: { signedIn: true },
    errors: {},
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      stepOnSuggestion(query, ctx, args.id, (suggestionId) => unhideSuggestion(ctx, { suggestionId })),
  }),
  followSuggestion: t.boolean({
    description:
      "Follow (or with follow: false stop following) a suggestion one may read; returns whether one follows it now.",
    authScopes: { signedIn: true },
    errors: {},
    args: { id: t.arg.id({ required: true }), follow: t.arg.boolean({ defaultValue: true }) },
    resolve: (_root, args, ctx) =>
      followSuggestion(ctx, { suggestionId: parseId(args.id, "id"), follow: args.follow ?? true }),
  }),
}));

// ───────────────────────────── live ─────────────────────────────

interface Change {
  suggestionId: number;
  kind: (typeof SUGGESTION_EVENT_KINDS)[number];
  transferId?: number | null;
}

const SuggestionChangeRef = builder.objectRef<Change>("SuggestionChange").implement({
  description: "A suggestion changed: refetch it (or read `suggestion`, re-read with the viewer's rights).",
  fields: (t) => ({
    suggestionId: t.id({ resolve: (c) => String(c.suggestionId) }),
    kind: t.field({ type: EventKindEnum, resolve: (c) => c.kind }),
    transferId: t.id({ nullable: true, resolve: (c) => (c.transferId ? String(c.transferId) : null) }),
    suggestion: t.prismaField({
      type: "Suggestion",
      nullable: true,
      description: "The suggestion now, as the viewer may see it (null if they no longer may).",
      resolve: async (query, c, _args, ctx) => {
        const access = await ctx.prisma.suggestion.findUnique({
          where: { id: c.suggestionId },
          select: accessSelection,
        });
        if (!access || !(isPublic(access) || isHandler(ctx, access))) return null;
        return ctx.prisma.suggestion.findUnique({ ...query, where: { id: c.suggestionId } });
      },
    }),
  }),
});

builder.subscriptionFields((t) => ({
  suggestionChanged: t.field({
    type: SuggestionChangeRef,
    description:
      "Each change of one suggestion, for whoever may read it (its submitter and handlers; anyone, while it is public).",
    args: { id: t.arg.id({ required: true }) },
    subscribe: async function* (_root, args, ctx) {
      const suggestionId = parseId(args.id, "id");
      const access = await ctx.prisma.suggestion.findUnique({ where: { id: suggestionId }, select: accessSelection });
      if (!access || !(isPublic(access) || isHandler(ctx, access))) throw notFound("Suggestion");
      yield* ctx.pubsub.subscribe("suggestion:changed", suggestionId);
    },
    resolve: (change) => change as Change,
  }),
  suggestionWorkbench: t.field({
    type: SuggestionChangeRef,
    description:
      "Workbench stream: a change to any suggestion of the viewer's posts (deputies), transferred to their departments (department handlers) or in their areas (staff) — new submissions, steps, due-soon and overdue flags. Ids only: refetch the list.",
    authScopes: { signedIn: true },
    subscribe: (_root, _args, ctx) =>
      pipe(
        ctx.pubsub.subscribe("suggestion:workbench"),
        filter(
          (event) =>
            ctx.viewer.isDeputyOfPost(event.postId) ||
            ctx.viewer.isStaffFor(event.areaPath) ||
            event.departmentIds.some((id) => ctx.viewer.handlesDepartment(id)),
        ),
      ),
    resolve: (event) => event as Change,
  }),
}));
