import { Select, type SelectProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../../../gql";
import type { VoteSubject } from "../../../gql/graphql";

const SubjectTopicsDocument = graphql(`
  query VoteSubjectTopics($areaId: ID!) {
    topics(areaId: $areaId, first: 100) {
      edges {
        node {
          id
          title
          council {
            id
            name
          }
          area {
            id
            name
          }
        }
      }
    }
  }
`);

const SubjectProposalsDocument = graphql(`
  query VoteSubjectProposals($areaId: ID!) {
    proposals(areaId: $areaId, first: 100) {
      edges {
        node {
          id
          title
          area {
            id
            name
          }
        }
      }
    }
  }
`);

export const SubjectRoundsDocument = graphql(`
  query VoteSubjectRounds($areaId: ID!) {
    budgetRounds(areaId: $areaId) {
      id
      name
      poolFen
      area {
        id
        name
      }
      proposals {
        id
        title
        status
        estimatedCostFen
        reviewedCostFen
      }
    }
  }
`);

const SubjectCouncilsDocument = graphql(`
  query VoteSubjectCouncils($areaId: ID!) {
    councils(areaId: $areaId) {
      id
      name
    }
  }
`);

const SubjectMeetingsDocument = graphql(`
  query VoteSubjectMeetings($councilId: ID!) {
    meetings(councilId: $councilId, first: 30) {
      edges {
        node {
          id
          title
          status
          scheduledStart
          council {
            id
            name
            area {
              id
              name
            }
          }
          items {
            id
            title
            position
          }
        }
      }
    }
  }
`);

/** What the form learns about the chosen subject, to suggest a title, question and electorate. */
export interface PickedSubject {
  id: string;
  title: string;
  /** The area the subject belongs to: the default electorate. */
  areaName: string | null;
  councilId: string | null;
  councilName: string | null;
  /** Budget rounds: the pool and the projects that passed review. */
  round?: {
    poolFen: number;
    projects: { id: string; title: string; costFen: number }[];
  };
}

interface SubjectSelectProps {
  kind: VoteSubject;
  areaId: string;
  value?: string;
  onChange?(value: string): void;
  onPick(subject: PickedSubject | null): void;
  id?: string;
}

/** Picks the topic, meeting item, proposal or budget round a vote belongs to, within an area. */
export function SubjectSelect({ kind, areaId, value, onChange, onPick, id }: SubjectSelectProps) {
  const { t } = useTranslation();
  const [topics] = useQuery({ query: SubjectTopicsDocument, variables: { areaId }, pause: kind !== "TOPIC" });
  const [proposals] = useQuery({ query: SubjectProposalsDocument, variables: { areaId }, pause: kind !== "PROPOSAL" });
  const [rounds] = useQuery({ query: SubjectRoundsDocument, variables: { areaId }, pause: kind !== "BUDGET_ROUND" });
  const [councils] = useQuery({
    query: SubjectCouncilsDocument,
    variables: { areaId },
    pause: kind !== "MEETING_ITEM",
  });
  const councilList = councils.data?.councils ?? [];
  // The council chosen, for the area it was chosen in: another area starts without one.
  const [councilChoice, setCouncilChoice] = useState<{ areaId: string; councilId: string } | null>(null);
  const councilId = councilChoice?.areaId === areaId ? councilChoice.councilId : null;
  const chosenCouncil = councilId ?? (councilList.length === 1 ? (councilList[0]?.id ?? null) : null);
  const [meetings] = useQuery({
    query: SubjectMeetingsDocument,
    variables: { councilId: chosenCouncil ?? "" },
    pause: kind !== "MEETING_ITEM" || !chosenCouncil,
  });

  let picks: PickedSubject[] = [];
  let options: NonNullable<SelectProps["options"]> = [];
  let loading = false;
  switch (kind) {
    case "TOPIC": {
      const nodes = topics.data?.topics.edges.map((e) => e.node) ?? [];
      loading = topics.fetching;
      picks = nodes.map((n) => ({
        id: n.id,
        title: n.title,
        areaName: n.area.name,
        councilId: n.council.id,
        councilName: n.council.name,
      }));
      options = nodes.map((n) => ({ value: n.id, label: `${n.title}（${n.council.name}）` }));
      break;
    }
    case "PROPOSAL": {
      const nodes = proposals.data?.proposals.edges.map((e) => e.node) ?? [];
      loading = proposals.fetching;
      picks = nodes.map((n) => ({
        id: n.id,
        title: n.title,
        areaName: n.area.name,
        councilId: null,
        councilName: null,
      }));
      options = nodes.map((n) => ({ value: n.id, label: `${n.title}（${n.area.name}）` }));
      break;
    }
    case "BUDGET_ROUND": {
      const nodes = rounds.data?.budgetRounds ?? [];
      loading = rounds.fetching;
      picks = nodes.map((n) => ({
        id: n.id,
        title: n.name,
        areaName: n.area.name,
        councilId: null,
        councilName: null,
        round: {
          poolFen: n.poolFen,
          projects: n.proposals
            .filter((p) => p.status === "ELIGIBLE" || p.status === "IN_VOTE")
            .map((p) => ({ id: p.id, title: p.title, costFen: p.reviewedCostFen ?? p.estimatedCostFen })),
        },
      }));
      options = nodes.map((n) => ({ value: n.id, label: n.name }));
      break;
    }
    case "MEETING_ITEM": {
      const nodes = meetings.data?.meetings.edges.map((e) => e.node) ?? [];
      loading = councils.fetching || meetings.fetching;
      picks = nodes.flatMap((m) =>
        m.items.map((item) => ({
          id: item.id,
          title: item.title,
          areaName: m.council.area.name,
          councilId: m.council.id,
          councilName: m.council.name,
        })),
      );
      options = nodes
        .filter((m) => m.items.length > 0)
        .map((m) => ({
          label: m.title,
          options: [...m.items]
            .sort((a, b) => a.position - b.position)
            .map((item) => ({ value: item.id, label: item.title })),
        }));
      break;
    }
  }

  return (
    <>
      {kind === "MEETING_ITEM" && councilList.length > 1 && (
        <Select
          size="large"
          className="subject-council"
          value={chosenCouncil ?? undefined}
          onChange={(next: string) => {
            setCouncilChoice({ areaId, councilId: next });
            onPick(null);
          }}
          placeholder={t("votes.form.chooseCouncil")}
          aria-label={t("votes.form.chooseCouncil")}
          options={councilList.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      <Select
        id={id}
        size="large"
        value={value}
        loading={loading}
        showSearch={{ optionFilterProp: "label" }}
        placeholder={t(`votes.form.subjectPlaceholder.${kind}`)}
        notFoundContent={loading ? t("common.loading") : t("votes.form.noSubjects")}
        options={options}
        onChange={(next: string) => {
          onChange?.(next);
          onPick(picks.find((p) => p.id === next) ?? null);
        }}
      />
    </>
  );
}
