import { EditOutlined, LoginOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { FormFailure } from "../../components/FormFailure";
import { addressOf, useFormatDateTime } from "../../components/format";
import { LinkButton } from "../../components/LinkButton";
import type { MyVoteStatusFieldsFragment, VoteCoreFragment } from "../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";
import { useViewer } from "../../session/ViewerProvider";
import { BallotInput, ballotComplete, choiceLabels } from "./BallotInput";
import { CastBallotDocument } from "./documents";
import { ReceiptCard } from "./Receipt";

interface CastPanelProps {
  vote: VoteCoreFragment;
  myStatus: MyVoteStatusFieldsFragment | null;
}

interface Receipt {
  code: string;
  replaced: boolean;
  choices: string[];
}

/**
 * Casting and changing one's ballot: who may, the ballot, a confirmation, then the receipt.
 * The receipt lives only here, on screen, once: it is not stored on the device (a family's
 * shared phone must not reveal a secret ballot to the next person who opens the page).
 */
export function CastPanel({ vote, myStatus }: CastPanelProps) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const location = useLocation();
  const formatDateTime = useFormatDateTime();
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [state, cast] = useAppMutation(CastBallotDocument);
  const household = vote.countingUnit === "HOUSEHOLD";

  if (!viewer.signedIn) {
    // Once counted, there is nothing left to sign in for: the result and the receipt check remain.
    if (vote.status === "CLOSED" || vote.status === "PUBLISHED") return null;
    return (
      <Card className="section-card cast-card">
        <Flex vertical gap={12} align="flex-start">
          <Typography.Text>{t("votes.cast.signInFirst")}</Typography.Text>
          <LinkButton
            to="/sign-in"
            state={{ from: location.pathname }}
            type="primary"
            size="large"
            icon={<LoginOutlined />}
          >
            {t("votes.cast.signIn")}
          </LinkButton>
        </Flex>
      </Card>
    );
  }

  if (receipt) {
    return (
      <ReceiptCard
        code={receipt.code}
        replaced={receipt.replaced}
        choices={receipt.choices}
        household={household}
        secret={vote.secret}
        onDone={() => {
          setReceipt(null);
          setEditing(false);
        }}
      />
    );
  }

  if (vote.status === "SCHEDULED") {
    return (
      <Alert
        className="section-card"
        type="info"
        showIcon
        title={
          vote.opensAt ? t("votes.cast.opensAt", { time: formatDateTime(vote.opensAt) }) : t("votes.cast.notYetOpen")
        }
      />
    );
  }
  if (vote.status === "CANCELLED") {
    return <Alert className="section-card" type="warning" showIcon title={t("votes.cast.cancelled")} />;
  }
  if (vote.status !== "OPEN") {
    if (!myStatus) return null;
    return (
      <Alert
        className="section-card"
        type={myStatus.hasVoted ? "success" : "info"}
        showIcon
        title={
          myStatus.hasVoted
            ? t(household ? "votes.cast.tookPartHousehold" : "votes.cast.tookPart")
            : myStatus.eligible
              ? t("votes.cast.didNotTakePart")
              : t("votes.cast.notOnRoll")
        }
      />
    );
  }

  // A person with homes in several households on the roll votes for one at a time.
  const homes = household ? viewer.memberships.filter((m) => m.status === "VERIFIED" && m.isAdult) : [];
  const chooseHome = household && homes.length > 1;

  if (!myStatus?.eligible && !chooseHome) {
    return (
      <Alert
        className="section-card"
        type="warning"
        showIcon
        title={t("votes.cast.notEligible")}
        description={
          <Flex vertical gap={8} align="flex-start">
            <span data-testid="not-eligible-reason">{myStatus?.reason ?? t("votes.cast.notEligibleUnknown")}</span>
            {vote.countingUnit !== "COUNCIL_MEMBER" && (
              <LinkButton to="/me/home">{t("votes.cast.goVerify")}</LinkButton>
            )}
          </Flex>
        }
      />
    );
  }

  const voted = Boolean(myStatus?.hasVoted);
  const paper = myStatus?.channel === "PAPER";

  if (voted && !editing) {
    const mine = myStatus?.optionIds ? choiceLabels(vote, myStatus.optionIds) : null;
    return (
      <Card className="section-card cast-card" data-testid="already-voted">
        <Flex vertical gap={12} align="flex-start">
          <Typography.Title level={4} className="cast-voted-title">
            {household ? t("votes.cast.householdVoted") : t("votes.cast.youVoted")}
          </Typography.Title>
          {mine && (
            <Typography.Text>
              {household ? t("votes.cast.householdChoice") : t("votes.cast.yourChoice")}
              <strong data-testid="current-choice">{mine.join("、")}</strong>
            </Typography.Text>
          )}
          {myStatus?.lastCastAt && (
            <Typography.Text type="secondary">
              {t("votes.cast.lastCastAt", { time: formatDateTime(myStatus.lastCastAt) })}
            </Typography.Text>
          )}
          {paper ? (
            <Alert type="info" showIcon title={t("votes.cast.paperRecorded")} />
          ) : (
            <>
              <Typography.Text type="secondary">
                {household ? t("votes.cast.changeHintHousehold") : t("votes.cast.changeHint")}
              </Typography.Text>
              <Button
                size="large"
                icon={<EditOutlined />}
                onClick={() => {
                  setChoice(myStatus?.optionIds ? [...myStatus.optionIds] : []);
                  setFailure(null);
                  setEditing(true);
                }}
              >
                {household ? t("votes.cast.changeHousehold") : t("votes.cast.change")}
              </Button>
            </>
          )}
        </Flex>
      </Card>
    );
  }

  const submit = async () => {
    setFailure(null);
    const outcome = await cast({ voteId: vote.id, optionIds: choice, householdId: chooseHome ? householdId : null });
    setConfirming(false);
    if (outcome.error) {
      setFailure(outcome.error);
      return;
    }
    setReceipt({
      code: outcome.data.receiptCode,
      replaced: outcome.data.replaced,
      choices: choiceLabels(vote, choice),
    });
    setChoice([]);
  };

  const ready = ballotComplete(vote, choice) && (!chooseHome || householdId !== null);
  return (
    <Card
      className="section-card cast-card"
      title={voted ? t("votes.cast.changeTitle") : t("votes.cast.title")}
      data-testid="ballot"
    >
      <Flex vertical gap={16}>
        {household && (
          <Typography.Text type="secondary">
            {voted ? t("votes.cast.householdReplaceNote") : t("votes.cast.householdNote")}
          </Typography.Text>
        )}
        {chooseHome && (
          <Select
            size="large"
            value={householdId ?? undefined}
            onChange={(value: string) => setHouseholdId(value)}
            placeholder={t("votes.cast.chooseHome")}
            aria-label={t("votes.cast.chooseHome")}
            options={homes.map((m) => ({
              value: m.household.id,
              label: addressOf(m.household.building.ancestors, m.household.building.name, m.household.unit),
            }))}
          />
        )}
        <BallotInput vote={vote} value={choice} onChange={setChoice} disabled={state.fetching} />
        <FormFailure failure={failure} />
        <Flex gap={8} wrap>
          <Button
            type="primary"
            size="large"
            disabled={!ready}
            onClick={() => setConfirming(true)}
            className="cast-submit"
          >
            {voted ? t("votes.cast.submitChange") : t("votes.cast.submit")}
          </Button>
          {editing && (
            <Button size="large" onClick={() => setEditing(false)}>
              {t("votes.cast.keepBallot")}
            </Button>
          )}
        </Flex>
      </Flex>
      <Modal
        open={confirming}
        title={t("votes.cast.confirmTitle")}
        okText={t("votes.cast.confirmOk")}
        cancelText={t("votes.cast.confirmBack")}
        okButtonProps={{ loading: state.fetching, size: "large" }}
        cancelButtonProps={{ size: "large" }}
        onOk={() => void submit()}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{vote.question}</Typography.Paragraph>
        <Typography.Paragraph>
          {vote.ballotType === "RANKED" ? t("votes.cast.confirmRanked") : t("votes.cast.confirmChoice")}
        </Typography.Paragraph>
        <ol className="plain-list confirm-choices" data-testid="confirm-choices">
          {choiceLabels(vote, choice).map((label) => (
            <li key={label}>
              <strong>{label}</strong>
            </li>
          ))}
        </ol>
        {household && <Typography.Paragraph type="secondary">{t("votes.cast.confirmHousehold")}</Typography.Paragraph>}
        {voted && <Typography.Paragraph type="secondary">{t("votes.cast.confirmReplace")}</Typography.Paragraph>}
      </Modal>
    </Card>
  );
}
