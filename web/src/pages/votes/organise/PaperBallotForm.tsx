import { Alert, App, Button, Checkbox, Flex, Form, Input, Popconfirm, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { AreaSelect } from "../../../components/AreaSelect";
import { FormFailure } from "../../../components/FormFailure";
import { formatArea } from "../../../components/format";
import { graphql } from "../../../gql";
import type { VoteCoreFragment } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { useBuildingHouseholds } from "../../resident/useBuildingHouseholds";
import { BallotInput, ballotComplete, choiceLabels } from "../BallotInput";
import { RecordPaperBallotDocument } from "../documents";
import { groupReceipt } from "../Receipt";

const RollResidentsDocument = graphql(`
  query PaperBallotResidents($areaId: ID!, $search: String) {
    memberships(areaId: $areaId, search: $search, status: VERIFIED, first: 20) {
      edges {
        node {
          id
          isAdult
          account {
            id
            displayName
            realName
            phone
          }
          household {
            id
            unit
            building {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const CouncilMembersDocument = graphql(`
  query PaperBallotCouncilMembers($id: ID!) {
    council(id: $id) {
      id
      members {
        id
        role
        account {
          id
          displayName
          realName
        }
      }
    }
  }
`);

const AreaNodeDocument = graphql(`
  query PaperBallotArea($id: ID!) {
    area(id: $id) {
      ...AreaTreeNode
    }
  }
`);

/**
 * 录入纸质选票: staff enter a ballot collected on paper for a household or person on the roll.
 * The roll itself is not readable through the API, so the voter is chosen from the area's
 * households (楼栋 → 门牌号), its verified residents, or the council's members; the server refuses
 * anyone not on the frozen roll, and anyone who already voted online.
 */
export function PaperBallotForm({ vote }: { vote: VoteCoreFragment }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const [voterId, setVoterId] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [choice, setChoice] = useState<string[]>([]);
  const [correction, setCorrection] = useState(false);
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [recorded, setRecorded] = useState<{ code: string; who: string; choices: string[] } | null>(null);
  const [state, record] = useAppMutation(RecordPaperBallotDocument);
  const unit = vote.countingUnit;

  const [areaNode] = useQuery({
    query: AreaNodeDocument,
    variables: { id: vote.area.id },
    pause: unit !== "HOUSEHOLD",
  });
  const households = useBuildingHouseholds(unit === "HOUSEHOLD" ? buildingId : null);
  const [residents] = useQuery({
    query: RollResidentsDocument,
    variables: { areaId: vote.area.id, search: search || null },
    pause: unit !== "RESIDENT" || !search,
  });
  const [members] = useQuery({
    query: CouncilMembersDocument,
    variables: { id: vote.council?.id ?? "" },
    pause: unit !== "COUNCIL_MEMBER" || !vote.council,
  });

  const voterOptions =
    unit === "HOUSEHOLD"
      ? households.households.map((h) => ({
          value: h.id,
          label: `${h.unit}（${formatArea(h.floorAreaSqm, i18n.language)}㎡）`,
        }))
      : unit === "RESIDENT"
        ? (residents.data?.memberships.edges ?? [])
            .filter((e) => e.node.isAdult)
            .map((e) => ({
              value: e.node.account.id,
              label: `${e.node.account.realName || e.node.account.displayName} · ${e.node.household.building.name} ${e.node.household.unit}`,
            }))
            .filter((o, index, all) => all.findIndex((x) => x.value === o.value) === index)
        : (members.data?.council?.members ?? []).map((m) => ({
            value: m.account.id,
            label: m.account.realName || m.account.displayName,
          }));
  const voterLabel = voterOptions.find((o) => o.value === voterId)?.label ?? "";

  const submit = async () => {
    if (!voterId) return;
    setFailure(null);
    const outcome = await record({
      voteId: vote.id,
      householdId: unit === "HOUSEHOLD" ? voterId : null,
      accountId: unit === "HOUSEHOLD" ? null : voterId,
      optionIds: choice,
      correction,
    });
    if (outcome.error) {
      setFailure(outcome.error);
      return;
    }
    message.success(t("votes.paper.recorded"));
    setRecorded({ code: outcome.data.receiptCode, who: voterLabel, choices: choiceLabels(vote, choice) });
    setChoice([]);
    setVoterId(null);
    setCorrection(false);
  };

  const areaRoot = areaNode.data?.area;
  return (
    <Flex vertical gap={12} className="paper-ballot" data-testid="paper-ballot">
      <Typography.Paragraph type="secondary">{t(`votes.paper.lead.${unit}`)}</Typography.Paragraph>
      {recorded && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setRecorded(null)}
          title={t("votes.paper.recordedFor", { who: recorded.who, choices: recorded.choices.join("、") })}
          description={t("votes.paper.receipt", { code: groupReceipt(recorded.code) })}
        />
      )}
      <Form layout="vertical" component="div">
        {unit === "HOUSEHOLD" && (
          <Form.Item label={t("votes.paper.building")} required>
            {areaRoot ? (
              <AreaSelect
                roots={[areaRoot]}
                value={buildingId}
                onChange={(id) => {
                  setBuildingId(id);
                  setVoterId(null);
                }}
                selectableKinds={["BUILDING"]}
                placeholder={t("votes.paper.chooseBuilding")}
                aria-label={t("votes.paper.building")}
              />
            ) : (
              <Select loading disabled />
            )}
          </Form.Item>
        )}
        {unit === "RESIDENT" && (
          <Form.Item label={t("votes.paper.findResident")}>
            <Input.Search
              allowClear
              placeholder={t("votes.paper.searchPlaceholder")}
              aria-label={t("votes.paper.findResident")}
              onSearch={(value) => {
                setSearch(value.trim());
                setVoterId(null);
              }}
              loading={residents.fetching}
            />
          </Form.Item>
        )}
        <Form.Item label={t(`votes.paper.voter.${unit}`)} required>
          <Select
            value={voterId ?? undefined}
            onChange={(value: string) => setVoterId(value)}
            showSearch={{ optionFilterProp: "label" }}
            loading={households.loading || residents.fetching || members.fetching}
            disabled={unit === "HOUSEHOLD" && !buildingId}
            placeholder={t(`votes.paper.voterPlaceholder.${unit}`)}
            aria-label={t(`votes.paper.voter.${unit}`)}
            options={voterOptions}
            notFoundContent={t("votes.paper.noVoters")}
          />
        </Form.Item>
        <Form.Item label={t("votes.paper.choice")} required>
          <BallotInput vote={vote} value={choice} onChange={setChoice} disabled={state.fetching} />
        </Form.Item>
        <Form.Item extra={t("votes.paper.correctionHint")}>
          <Checkbox checked={correction} onChange={(event) => setCorrection(event.target.checked)}>
            {t("votes.paper.correction")}
          </Checkbox>
        </Form.Item>
        <FormFailure failure={failure} />
        <Popconfirm
          title={t("votes.paper.confirm", { who: voterLabel, choices: choiceLabels(vote, choice).join("、") })}
          description={t(`votes.paper.confirmHint.${unit === "HOUSEHOLD" ? "household" : "person"}`)}
          okText={t("votes.paper.submit")}
          cancelText={t("common.cancel")}
          onConfirm={submit}
          disabled={!voterId || !ballotComplete(vote, choice)}
        >
          <Button type="primary" loading={state.fetching} disabled={!voterId || !ballotComplete(vote, choice)}>
            {t("votes.paper.submit")}
          </Button>
        </Popconfirm>
      </Form>
    </Flex>
  );
}
