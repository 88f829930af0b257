import type { Viewer } from "../../auth/viewer.js";
import { AppError, ErrorCode, forbidden } from "../../errors.js";
import type { Satisfaction, SuggestionStatus, TransferRole, TransferStatus } from "../../generated/prisma/client.js";
import { defineLifecycle } from "../../lifecycle.js";
import { addDays, addWorkingDays, type IsoDate, shanghaiDate, type WorkCalendar } from "./calendar.js";

/**
 * The suggestion's status lifecycle (人大代表联络站意见建议). Every status change goes through
 * `applyTransition` in service.ts, which checks this table.
 *
 *   SUBMITTED   → ACCEPTED     a deputy of the post accepts it (受理)
 *               → DECLINED     … or declines it with a reason (不予受理)              final
 *   ACCEPTED    → TRANSFERRED  transferred to one lead (主办) and any co-handling (协办) departments
 *   TRANSFERRED → IN_PROGRESS  a department signs for it (签收) or posts progress
 *               → ACCEPTED     every transfer of the round was sent back (退回): transfer again
 *   IN_PROGRESS → REPLIED      the lead department or a deputy replies to the resident (答复)
 *               → ACCEPTED     every transfer of the round was sent back
 *   REPLIED     → RATED        the submitter rates the reply: 满意 / 基本满意 / 不满意 — or, when
 *                              they have no account, a deputy enters the rating they gave on the
 *                              phone (电话回访, marked byPhone)
 *               → CLOSED       办结 without a rating (see unratedCloseFrom): the submitter gave none
 *                              within RATING_WINDOW_WORKING_DAYS of the reply, or — without an
 *                              account — could not be reached within PHONE_FOLLOW_UP_DAYS
 *   RATED       → CLOSED       办结 after 满意 or 基本满意
 *               → SUPERVISING  at once after 不满意: 督办, round + 1; the deputy transfers again
 *   SUPERVISING → REPLIED      the supervised round's reply (its transfers are made, signed for
 *                              and returned while the status stays SUPERVISING)
 *   CLOSED                     final
 */
export const suggestionLifecycle = defineLifecycle<SuggestionStatus>({
  SUBMITTED: ["ACCEPTED", "DECLINED"],
  ACCEPTED: ["TRANSFERRED"],
  TRANSFERRED: ["IN_PROGRESS", "ACCEPTED"],
  IN_PROGRESS: ["REPLIED", "ACCEPTED"],
  REPLIED: ["RATED", "CLOSED"],
  RATED: ["CLOSED", "SUPERVISING"],
  SUPERVISING: ["REPLIED"],
  DECLINED: [],
  CLOSED: [],
});

/**
 * A transfer to one department: signed for (IN_PROGRESS), sent back (RETURNED), or done — a
 * co-handler finishing its part, or every open transfer of the round when the reply goes out.
 */
export const transferLifecycle = defineLifecycle<TransferStatus>({
  PENDING: ["IN_PROGRESS", "RETURNED", "DONE"],
  IN_PROGRESS: ["DONE", "RETURNED"],
  RETURNED: [],
  DONE: [],
});

/** Transfers still being handled: they have a due date that can pass. */
export const OPEN_TRANSFER: readonly TransferStatus[] = ["PENDING", "IN_PROGRESS"];

/** The submitter has this many working days after the reply to rate it before it may be closed unrated. */
export const RATING_WINDOW_WORKING_DAYS = 5;

/**
 * A submitter without an account is told of the reply by text message and rated by a deputy's
 * call (电话回访). Only when they cannot be reached for this many calendar days after the reply may
 * it be closed unrated: long enough for a few tries on different days, short enough that the
 * figures of the month are not held up.
 */
export const PHONE_FOLLOW_UP_DAYS = 15;

/** A transfer is "due soon" when at most this many working days remain (and it is not overdue). */
export const DUE_SOON_WORKING_DAYS = 2;

/** When no due date is given, transfers are due this many working days later. */
export const DEFAULT_DUE_WORKING_DAYS = 15;

/** What the policy needs to know of a suggestion. */
export interface SuggestionState {
  id: number;
  status: SuggestionStatus;
  round: number;
  postId: number;
  submitterId: number | null;
  area: { path: string };
  transfers: { id: number; departmentId: number; role: TransferRole; round: number; status: TransferStatus }[];
  /** The current round's reply, if any. */
  replies: { round: number; createdAt: Date }[];
  ratings: { round: number; satisfaction: Satisfaction }[];
}

export const stateSelection = {
  id: true,
  status: true,
  round: true,
  postId: true,
  submitterId: true,
  area: { select: { path: true } },
  transfers: { select: { id: true, departmentId: true, role: true, round: true, status: true } },
  replies: { select: { round: true, createdAt: true } },
  ratings: { select: { round: true, satisfaction: true } },
} as const;

/** What a person may do to a suggestion now. */
export type SuggestionAction =
  | "ACCEPT"
  | "DECLINE"
  | "TRANSFER"
  | "ADD_TRANSFER"
  | "REPLY"
  | "RATE"
  | "RATE_BY_PHONE"
  | "CLOSE";
export const SUGGESTION_ACTIONS: readonly SuggestionAction[] = [
  "ACCEPT",
  "DECLINE",
  "TRANSFER",
  "ADD_TRANSFER",
  "REPLY",
  "RATE",
  "RATE_BY_PHONE",
  "CLOSE",
];

/** What a department may do to a transfer now. */
export type TransferAction = "ACKNOWLEDGE" | "UPDATE" | "RETURN" | "COMPLETE";
export const TRANSFER_ACTIONS: readonly TransferAction[] = ["ACKNOWLEDGE", "UPDATE", "RETURN", "COMPLETE"];

/** Deputies of the post, and staff of its area (the station's staff act for the deputies). */
export function actsForPost(viewer: Viewer, s: Pick<SuggestionState, "postId" | "area">): boolean {
  return viewer.isDeputyOfPost(s.postId) || viewer.isStaffFor(s.area.path);
}

/** The current round's transfers that were not sent back. */
export function liveTransfers<T extends { round: number; status: TransferStatus }>(s: {
  transfers: T[];
  round: number;
}): T[] {
  return s.transfers.filter((t) => t.round === s.round && t.status !== "RETURNED");
}

const invalidTransition = (message: string) => new AppError(ErrorCode.INVALID_TRANSITION, message);

export interface PolicyClock {
  calendar: WorkCalendar;
  today: IsoDate;
}

/**
 * The first date a replied, unrated suggestion may be closed: RATING_WINDOW_WORKING_DAYS working
 * days after the reply when the submitter has an account (they rate online), PHONE_FOLLOW_UP_DAYS
 * days after it when they have none (a deputy calls them). Null unless it is REPLIED.
 */
export function unratedCloseFrom(
  s: Pick<SuggestionState, "status" | "round" | "submitterId" | "replies">,
  calendar: WorkCalendar,
): IsoDate | null {
  if (s.status !== "REPLIED") return null;
  const reply = s.replies.find((r) => r.round === s.round);
  if (!reply) return null;
  const replied = shanghaiDate(reply.createdAt);
  return s.submitterId === null
    ? addDays(replied, PHONE_FOLLOW_UP_DAYS)
    : addWorkingDays(calendar, replied, RATING_WINDOW_WORKING_DAYS);
}

/**
 * Why the viewer may not take `action` now, or null if they may. Who comes first (FORBIDDEN),
 * then when (INVALID_TRANSITION). The service calls this under the suggestion's row lock; the
 * API lists the actions for which it returns null, so buttons and rules never disagree.
 */
export function refusal(
  viewer: Viewer,
  s: SuggestionState,
  action: SuggestionAction,
  clock: PolicyClock,
): AppError | null {
  const live = liveTransfers(s);
  switch (action) {
    case "ACCEPT":
    case "DECLINE":
      if (!actsForPost(viewer, s)) return forbidden("只有本站点的人大代表可以受理意见建议");
      if (s.status !== "SUBMITTED") return invalidTransition("该意见建议已处理过受理");
      return null;
    case "TRANSFER":
      if (!actsForPost(viewer, s)) return forbidden("只有本站点的人大代表可以转办");
      if (s.status === "SUPERVISING" ? live.length > 0 : s.status !== "ACCEPTED") {
        return invalidTransition(
          ["TRANSFERRED", "IN_PROGRESS", "SUPERVISING"].includes(s.status)
            ? "该意见建议本轮已转办，如需增加承办部门请使用“追加转办”"
            : "只有已受理（或督办中）的意见建议可以转办",
        );
      }
      return null;
    case "ADD_TRANSFER":
      if (!actsForPost(viewer, s)) return forbidden("只有本站点的人大代表可以转办");
      if (!["TRANSFERRED", "IN_PROGRESS", "SUPERVISING"].includes(s.status) || live.length === 0) {
        return invalidTransition("只有正在办理的意见建议可以追加承办部门");
      }
      return null;
    case "REPLY": {
      const leadDepartment = live.some((t) => t.role === "LEAD" && viewer.handlesDepartment(t.departmentId));
      if (!actsForPost(viewer, s) && !leadDepartment) return forbidden("只有主办部门或本站点的人大代表可以答复");
      if (s.status === "SUBMITTED" || s.status === "ACCEPTED") return invalidTransition("尚未转办，不能答复");
      if (s.status === "TRANSFERRED") return invalidTransition("承办部门尚未签收办理，不能答复");
      if (s.status === "SUPERVISING" && !live.some((t) => t.status !== "PENDING")) {
        return invalidTransition("督办件尚未转办或承办部门尚未签收，不能答复");
      }
      if (s.status !== "IN_PROGRESS" && s.status !== "SUPERVISING") return invalidTransition("本轮已答复");
      return null;
    }
    case "RATE":
      if (s.submitterId === null || s.submitterId !== viewer.accountId) return forbidden("只有提交人可以评价答复");
      if (s.status !== "REPLIED") return invalidTransition("只能评价已答复、尚未评价的意见建议");
      return null;
    case "RATE_BY_PHONE":
      if (!actsForPost(viewer, s)) return forbidden("只有本站点的人大代表可以录入电话回访评价");
      if (s.submitterId !== null) return forbidden("反映人有居民账号，请由本人在线评价");
      if (s.status !== "REPLIED") return invalidTransition("只能为已答复、尚未评价的意见建议录入评价");
      return null;
    case "CLOSE": {
      if (!actsForPost(viewer, s)) return forbidden("只有本站点的人大代表可以办结");
      if (s.status === "RATED") return null;
      if (s.status !== "REPLIED") return invalidTransition("只有已答复或已评价的意见建议可以办结");
      const from = unratedCloseFrom(s, clock.calendar);
      if (from === null || clock.today < from) {
        return invalidTransition(
          s.submitterId === null
            ? `请先电话回访并录入评价；答复满${PHONE_FOLLOW_UP_DAYS}天仍联系不上的（${from ?? "—"}起），方可直接办结`
            : `请等待提交人评价（答复后${RATING_WINDOW_WORKING_DAYS}个工作日内，${from ?? "—"}起可直接办结）`,
        );
      }
      return null;
    }
  }
}

/** Why the viewer may not take `action` on a transfer now, or null. */
export function transferRefusal(
  viewer: Viewer,
  s: SuggestionState,
  transfer: SuggestionState["transfers"][number],
  action: TransferAction,
): AppError | null {
  if (!viewer.handlesDepartment(transfer.departmentId)) return forbidden("只有该承办部门可以办理此转办件");
  if (transfer.round !== s.round || !OPEN_TRANSFER.includes(transfer.status)) {
    return invalidTransition("该转办件已办结或已退回");
  }
  if (!["TRANSFERRED", "IN_PROGRESS", "SUPERVISING"].includes(s.status)) {
    return invalidTransition("该意见建议已不在办理中");
  }
  switch (action) {
    case "ACKNOWLEDGE":
      return transfer.status === "PENDING" ? null : invalidTransition("已签收");
    case "UPDATE":
    case "RETURN":
      return null;
    case "COMPLETE":
      if (transfer.role === "LEAD") return invalidTransition("主办部门请直接答复");
      return transfer.status === "IN_PROGRESS" ? null : invalidTransition("请先签收再办结");
  }
}

export function allowedActions(viewer: Viewer, s: SuggestionState, clock: PolicyClock): SuggestionAction[] {
  if (!viewer.signedIn) return [];
  return SUGGESTION_ACTIONS.filter((action) => refusal(viewer, s, action, clock) === null);
}

export function allowedTransferActions(
  viewer: Viewer,
  s: SuggestionState,
  transfer: SuggestionState["transfers"][number],
): TransferAction[] {
  if (!viewer.signedIn) return [];
  return TRANSFER_ACTIONS.filter((action) => transferRefusal(viewer, s, transfer, action) === null);
}
