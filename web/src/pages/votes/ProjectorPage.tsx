import { CloseOutlined, FullscreenExitOutlined, FullscreenOutlined, LockOutlined } from "@ant-design/icons";
import { Button, Spin } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { useFormatDateTime } from "../../components/format";
import { graphql } from "../../gql";
import { parseResult } from "./model";
import { RuleChecks, TallyBars, Turnout } from "./TallyView";
import { useLiveTally } from "./useLiveTally";
import { useFormatTimeLeft, useTimeLeft } from "./useTimeLeft";
import { useElectorate } from "./VoteFacts";
import { OutcomeTag } from "./VoteResultView";

const ProjectorDocument = graphql(`
  query ProjectorVote($id: ID!) {
    vote(id: $id) {
      ...VoteCore
      result
      tally {
        ...TallyFields
      }
    }
  }
`);

/** Text size for the chart: the page's type scales with the screen, and so must the chart's. */
const measureFontSize = () => Math.max(16, Math.round(Math.min(window.innerWidth / 60, window.innerHeight / 34)));

function useScreenFontSize() {
  const [size, setSize] = useState(measureFontSize);
  useEffect(() => {
    const onResize = () => setSize(measureFontSize());
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return size;
}

/**
 * 投屏: for the back of a meeting room. No navigation, very large dark-on-light type, updates
 * by itself (subscription), and a countdown to the close.
 */
export function ProjectorPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const formatDateTime = useFormatDateTime();
  const formatTimeLeft = useFormatTimeLeft();
  const electorate = useElectorate();
  const fontSize = useScreenFontSize();
  const [{ data, error }, reexecute] = useQuery({
    query: ProjectorDocument,
    variables: { id },
    requestPolicy: "cache-and-network",
  });
  const vote = data?.vote;
  const refetch = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  const counting = vote && vote.status !== "DRAFT" && vote.status !== "CANCELLED";
  const tally = useLiveTally(id, vote?.tally, { pause: !counting, pageStatus: vote?.status, onStatusChange: refetch });
  const left = useTimeLeft(vote?.closesAt, vote?.status === "OPEN");
  const [fullscreen, setFullscreen] = useState(false);

  useEffect(() => {
    if (vote) document.title = `${vote.title} · ${t("votes.screen.title")}`;
  }, [vote, t]);
  useEffect(() => {
    const onChange = () => setFullscreen(Boolean(document.fullscreenElement));
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  if (!vote) {
    return (
      <div className="projector projector-empty">
        {error || data ? <p>{t("votes.page.notFound")}</p> : <Spin size="large" />}
      </div>
    );
  }

  const status = vote.status;
  const result = status === "PUBLISHED" ? parseResult(vote.result) : null;
  const statusText =
    status === "OPEN"
      ? left === 0
        ? t("votes.screen.closing")
        : t("votes.screen.open")
      : status === "CLOSED" || status === "PUBLISHED"
        ? t("votes.screen.closed")
        : t(`votes.status.${status}`);
  const hidden = !tally || tally.sealed || !tally.options;

  return (
    <div className="projector" data-testid="projector">
      <div className="projector-tools">
        <Button
          type="text"
          icon={fullscreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
          onClick={() => void (fullscreen ? document.exitFullscreen() : document.documentElement.requestFullscreen())}
        >
          {fullscreen ? t("votes.screen.exitFullscreen") : t("votes.screen.fullscreen")}
        </Button>
        <Link to={`/votes/${vote.id}`} className="projector-exit" aria-label={t("votes.screen.exit")}>
          <CloseOutlined />
        </Link>
      </div>
      <header className="projector-header">
        <div className="projector-heading">
          <div className="projector-electorate">{electorate(vote)}</div>
          <h1 className="projector-title">{vote.title}</h1>
        </div>
        <div className={`projector-status is-${status.toLowerCase()}`} data-testid="projector-status">
          <div className="projector-status-text">{statusText}</div>
          {status === "OPEN" && vote.closesAt && left != null && left > 0 && (
            <div className="projector-countdown" role="timer" aria-label={t("votes.screen.timeLeft")}>
              {formatTimeLeft(left)}
            </div>
          )}
          {status === "OPEN" && vote.closesAt && (
            <div className="projector-deadline">
              {t("votes.page.closesAt", { time: formatDateTime(vote.closesAt) })}
            </div>
          )}
          {status === "OPEN" && !vote.closesAt && (
            <div className="projector-deadline">{t("votes.screen.closesLive")}</div>
          )}
        </div>
      </header>
      <p className="projector-question">{vote.question}</p>
      {result && (
        <div className="projector-result" data-testid="projector-result">
          <OutcomeTag outcome={result.outcome} large />
          <span>{result.summary}</span>
        </div>
      )}
      <main className="projector-main">
        <section className="projector-chart" aria-label={t("votes.tally.liveTitle")}>
          {!tally ? null : hidden ? (
            <div className="projector-sealed">
              <LockOutlined aria-hidden />
              <span>{t("votes.tally.sealed")}</span>
            </div>
          ) : (
            <TallyBars vote={vote} tally={tally} fontSize={fontSize} />
          )}
        </section>
        <aside className="projector-side">
          {tally && <Turnout vote={vote} tally={tally} size="screen" />}
          {tally && tally.checks.length > 0 && <RuleChecks checks={tally.checks} size="screen" />}
        </aside>
      </main>
    </div>
  );
}
