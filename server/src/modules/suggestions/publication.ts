import type { Viewer } from "../../auth/viewer.js";
import type { Context } from "../../context.js";
import { AppError, ErrorCode, forbidden, invalid, unauthenticated } from "../../errors.js";
import { recordAudit } from "../audit/service.js";
import { actsForPost, type SuggestionState } from "./lifecycle.js";
import { type ActorRole, type LockedSuggestion, withLockedSuggestion } from "./service.js";

// Whether a suggestion is on the public board (公开栏). The submitter decides whether it may be
// published (opt-in when submitting, withdrawn or given again at any time); the post's deputies and
// the staff of its area may take it off the board whatever the consent, with a reason — e.g. when
// it names a neighbour — and put it back. Not a status: handling goes on either way. Each change
// is audited in its transaction and announced live, so an open public page loses it at once.

/** A change to publication the viewer may make now (Suggestion.viewerPublicationActions). */
export type PublicationAction = "WITHDRAW_CONSENT" | "GIVE_CONSENT" | "HIDE" | "UNHIDE";
export const PUBLICATION_ACTIONS: readonly PublicationAction[] = ["WITHDRAW_CONSENT", "GIVE_CONSENT", "HIDE", "UNHIDE"];

export type PublicationState = Pick<SuggestionState, "postId" | "submitterId" | "area"> & {
  allowPublish: boolean;
  hiddenAt: Date | null;
};

export const publicationSelection = {
  postId: true,
  submitterId: true,
  area: { select: { path: true } },
  allowPublish: true,
  hiddenAt: true,
} as const;

const invalidTransition = (message: string) => new AppError(ErrorCode.INVALID_TRANSITION, message);

/** Why the viewer may not make `action` now, or null. */
export function publicationRefusal(viewer: Viewer, s: PublicationState, action: PublicationAction): AppError | null {
  switch (action) {
    case "WITHDRAW_CONSENT":
    case "GIVE_CONSENT":
      if (s.submitterId === null || s.submitterId !== viewer.accountId) {
        return forbidden("只有反映人本人可以决定是否公开");
      }
      if (s.allowPublish === (action === "GIVE_CONSENT")) {
        return invalidTransition(s.allowPublish ? "您已同意公开" : "您已撤回公开同意");
      }
      return null;
    case "HIDE":
      if (!actsForPost(viewer, s)) return forbidden("只有本站点的人大代表或负责辖区的工作人员可以从公开栏撤下");
      if (s.hiddenAt !== null) return invalidTransition("已从公开栏撤下");
      if (!s.allowPublish) return invalidTransition("反映人未同意公开，不在公开栏上");
      return null;
    case "UNHIDE":
      if (!actsForPost(viewer, s)) return forbidden("只有本站点的人大代表或负责辖区的工作人员可以恢复公开");
      if (s.hiddenAt === null) return invalidTransition("未从公开栏撤下");
      return null;
  }
}

export function allowedPublicationActions(viewer: Viewer, s: PublicationState): PublicationAction[] {
  if (!viewer.signedIn) return [];
  return PUBLICATION_ACTIONS.filter((action) => publicationRefusal(viewer, s, action) === null);
}

function actorOf(viewer: Viewer, s: LockedSuggestion): ActorRole {
  if (s.submitterId !== null && s.submitterId === viewer.accountId) return "SUBMITTER";
  return viewer.isDeputyOfPost(s.postId) ? "DEPUTY" : "STAFF";
}

/** Applies one publication change under the suggestion's lock, audited in the same transaction. */
async function changePublication(
  ctx: Context,
  options: { suggestionId: number; action: PublicationAction; reason?: string | null },
) {
  if (!ctx.viewer.signedIn) throw unauthenticated();
  const reason = options.reason?.trim() || null;
  if (options.action === "HIDE" && !reason) throw invalid("reason", "请填写撤下的原因");
  return withLockedSuggestion(ctx, options.suggestionId, async (w) => {
    const refusal = publicationRefusal(ctx.viewer, w.s, options.action);
    if (refusal) throw refusal;
    const data =
      options.action === "HIDE"
        ? { hiddenAt: w.now, hiddenReason: reason, hiddenById: ctx.viewer.accountId }
        : options.action === "UNHIDE"
          ? { hiddenAt: null, hiddenReason: null, hiddenById: null }
          : { allowPublish: options.action === "GIVE_CONSENT" };
    // Conditional on what was read, like a status change: two people at once cannot both succeed.
    const changed = await w.tx.suggestion.updateMany({
      where: { id: w.s.id, allowPublish: w.s.allowPublish, hiddenAt: w.s.hiddenAt },
      data,
    });
    if (changed.count !== 1) throw new AppError(ErrorCode.CONFLICT, "公开状态已被他人更改，请刷新");
    await recordAudit(w.tx, {
      actorId: ctx.viewer.accountId,
      action: `suggestion.${options.action === "HIDE" ? "hide" : options.action === "UNHIDE" ? "unhide" : "publication"}`,
      subjectType: "SUGGESTION",
      subjectId: w.s.id,
      areaId: w.s.areaId,
      data: {
        actorRole: actorOf(ctx.viewer, w.s),
        round: w.s.round,
        ...(reason ? { reason } : {}),
        ...("allowPublish" in data ? { allowPublish: data.allowPublish } : {}),
      },
    });
    w.out.event("PUBLICATION_CHANGED");
    return w.s.id;
  });
}

/** The submitter withdraws (allow: false) or gives (allow: true) consent to publish. */
export function setSuggestionPublication(ctx: Context, options: { suggestionId: number; allow: boolean }) {
  return changePublication(ctx, {
    suggestionId: options.suggestionId,
    action: options.allow ? "GIVE_CONSENT" : "WITHDRAW_CONSENT",
  });
}

/** A deputy of the post or staff of its area takes it off the public board, with a reason. */
export function hideSuggestion(ctx: Context, options: { suggestionId: number; reason: string }) {
  return changePublication(ctx, { suggestionId: options.suggestionId, action: "HIDE", reason: options.reason });
}

/** … and puts it back (it shows again if the submitter still consents). */
export function unhideSuggestion(ctx: Context, options: { suggestionId: number }) {
  return changePublication(ctx, { suggestionId: options.suggestionId, action: "UNHIDE" });
}
