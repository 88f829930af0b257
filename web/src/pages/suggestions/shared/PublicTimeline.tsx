import { Timeline, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../../components/format";
import { graphql } from "../../../gql";
import type { PublicTimelineEventFragment, SuggestionChannel, SuggestionStatus } from "../../../gql/graphql";
import { useViewer } from "../../../session/ViewerProvider";

export const PublicTimelineEventFragmentDoc = graphql(`
  fragment PublicTimelineEvent on AuditEvent {
    id
    action
    at
    fromStatus
    toStatus
    actor {
      id
      displayName
      deputyProfile {
        id
        name
        title
      }
    }
  }
`);

const STEP_COLORS: Partial<Record<string, string>> = {
  DECLINED: "gray",
  SUPERVISING: "red",
  CLOSED: "green",
  REPLIED: "green",
};

/** What happens next, in words a resident understands; nothing once it is over. */
const NEXT_STEP = {
  SUBMITTED: "suggestResident.timeline.next.SUBMITTED",
  ACCEPTED: "suggestResident.timeline.next.ACCEPTED",
  TRANSFERRED: "suggestResident.timeline.next.TRANSFERRED",
  IN_PROGRESS: "suggestResident.timeline.next.IN_PROGRESS",
  REPLIED: "suggestResident.timeline.next.REPLIED",
  RATED: "suggestResident.timeline.next.RATED",
  SUPERVISING: "suggestResident.timeline.next.SUPERVISING",
} as const satisfies Partial<Record<SuggestionStatus, string>>;

const STEP = {
  SUBMITTED: "suggestResident.timeline.submitted",
  ACCEPTED: "suggestResident.timeline.step.ACCEPTED",
  DECLINED: "suggestResident.timeline.step.DECLINED",
  TRANSFERRED: "suggestResident.timeline.step.TRANSFERRED",
  IN_PROGRESS: "suggestResident.timeline.step.IN_PROGRESS",
  REPLIED: "suggestResident.timeline.step.REPLIED",
  RATED: "suggestResident.timeline.step.RATED",
  SUPERVISING: "suggestResident.timeline.step.SUPERVISING",
  CLOSED: "suggestResident.timeline.step.CLOSED",
} as const satisfies Record<SuggestionStatus, string>;

const isStatus = (value: string | null): value is SuggestionStatus => value !== null && value in STEP;

/** One step of the public record as a sentence: "人大代表已受理". */
function describeStep(event: PublicTimelineEventFragment, channel: SuggestionChannel | undefined, t: TFunction) {
  if (event.action === "suggestion.create") {
    return channel === "RECEPTION" ? t("suggestResident.timeline.recorded") : t("suggestResident.timeline.submitted");
  }
  const to = event.toStatus ?? "";
  // Back to 已受理 after being transferred: every department sent it back; it is transferred again.
  if (to === "ACCEPTED" && (event.fromStatus === "TRANSFERRED" || event.fromStatus === "IN_PROGRESS")) {
    return t("suggestResident.timeline.returned");
  }
  if (to === "REPLIED" && event.fromStatus === "SUPERVISING") return t("suggestResident.timeline.repliedAgain");
  return isStatus(to) ? t(STEP[to]) : to;
}

interface PublicTimelineProps {
  events: readonly PublicTimelineEventFragment[];
  /** How it came in: online, or heard at a reception (the first step reads differently). */
  channel?: SuggestionChannel;
  /** The status now: adds a last, pending step saying what happens next. */
  status?: SuggestionStatus;
}

/**
 * The public record of a suggestion, oldest first: each status change and when. Deputies are named
 * by their public profile; other people are not named (the submitter never is to others, and the
 * server hides them anyway), the step says who acted.
 */
export function PublicTimeline({ events, channel, status }: PublicTimelineProps) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const formatDateTime = useFormatDateTime();
  const next = status && status in NEXT_STEP ? NEXT_STEP[status as keyof typeof NEXT_STEP] : undefined;

  const items = events.map((event) => {
    const deputy = event.actor?.deputyProfile;
    const byViewer = Boolean(event.actor && viewer.account && event.actor.id === viewer.account.id);
    return {
      key: event.id,
      color: STEP_COLORS[event.toStatus ?? ""] ?? "blue",
      content: (
        <div className="timeline-step" data-testid="timeline-step" data-status={event.toStatus ?? undefined}>
          <Typography.Text strong className="timeline-step-title">
            {describeStep(event, channel, t)}
          </Typography.Text>
          <Typography.Text type="secondary" className="timeline-step-meta">
            {formatDateTime(event.at)}
            {byViewer
              ? ` · ${t("suggestResident.timeline.byYou")}`
              : deputy
                ? ` · ${t("suggestResident.timeline.byDeputy", { name: deputy.name, title: deputy.title })}`
                : ""}
          </Typography.Text>
        </div>
      ),
    };
  });
  if (next) {
    items.push({
      key: "next",
      color: "gray",
      content: (
        <div className="timeline-step timeline-next" data-testid="timeline-next">
          <Typography.Text type="secondary">{t(next)}</Typography.Text>
        </div>
      ),
    });
  }
  if (!items.length) return <Typography.Text type="secondary">{t("suggestResident.timeline.empty")}</Typography.Text>;
  return <Timeline className="public-timeline" items={items} />;
}
