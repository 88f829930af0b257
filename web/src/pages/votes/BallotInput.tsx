import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Flex, Progress, Radio, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { VoteCoreFragment } from "../../gql/graphql";
import { formatYuan } from "./model";

type BallotVote = Pick<VoteCoreFragment, "ballotType" | "options" | "maxChoices" | "budgetFen">;

interface BallotInputProps {
  vote: BallotVote;
  /** Chosen option ids; for ranked ballots, in order of preference. */
  value: readonly string[];
  onChange(value: string[]): void;
  disabled?: boolean;
}

/** Whether a choice can be submitted as it stands (the server checks again). */
export function ballotComplete(vote: BallotVote, value: readonly string[]): boolean {
  switch (vote.ballotType) {
    case "YES_NO_ABSTAIN":
    case "SINGLE_CHOICE":
      return value.length === 1;
    default:
      return value.length >= 1;
  }
}

/** The choices as words, in order (for the confirmation and the receipt). */
export function choiceLabels(vote: Pick<VoteCoreFragment, "options">, value: readonly string[]): string[] {
  return value.map((id) => vote.options.find((o) => o.id === id)?.label ?? id);
}

/** The ballot: big tap targets, shaped by the ballot type. Controlled, so casting and paper entry share it. */
export function BallotInput(props: BallotInputProps) {
  switch (props.vote.ballotType) {
    case "YES_NO_ABSTAIN":
    case "SINGLE_CHOICE":
      return <SingleChoice {...props} />;
    case "MULTIPLE_CHOICE":
      return <MultipleChoice {...props} />;
    case "BUDGET":
      return <BudgetChoice {...props} />;
    case "RANKED":
      return <RankedChoice {...props} />;
  }
}

function SingleChoice({ vote, value, onChange, disabled }: BallotInputProps) {
  const { t } = useTranslation();
  const yesNo = vote.ballotType === "YES_NO_ABSTAIN";
  return (
    <Radio.Group
      value={value[0] ?? null}
      onChange={(event) => onChange([String(event.target.value)])}
      disabled={disabled}
      className="ballot-options"
      aria-label={t("votes.ballot.chooseOne")}
    >
      {vote.options.map((option, index) => (
        <Radio
          key={option.id}
          value={option.id}
          className={`ballot-option${yesNo ? ` ballot-yesno ballot-yesno-${index}` : ""}`}
        >
          {option.label}
        </Radio>
      ))}
    </Radio.Group>
  );
}

function MultipleChoice({ vote, value, onChange, disabled }: BallotInputProps) {
  const { t } = useTranslation();
  const max = vote.maxChoices ?? vote.options.length;
  const full = value.length >= max;
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong aria-live="polite" className="ballot-hint">
        {t("votes.ballot.atMost", { max, chosen: value.length })}
      </Typography.Text>
      <Checkbox.Group
        value={[...value]}
        onChange={(next) => onChange((next as string[]).slice(0, max))}
        disabled={disabled}
        className="ballot-options"
      >
        {vote.options.map((option) => (
          <Checkbox
            key={option.id}
            value={option.id}
            className="ballot-option"
            disabled={full && !value.includes(option.id)}
          >
            {option.label}
          </Checkbox>
        ))}
      </Checkbox.Group>
      {full && max < vote.options.length && (
        <Typography.Text type="secondary">{t("votes.ballot.maxReached", { max })}</Typography.Text>
      )}
    </Flex>
  );
}

function BudgetChoice({ vote, value, onChange, disabled }: BallotInputProps) {
  const { t, i18n } = useTranslation();
  const [refusal, setRefusal] = useState<string | null>(null);
  const cost = (id: string) => vote.options.find((o) => o.id === id)?.costFen ?? 0;
  const total = value.reduce((sum, id) => sum + cost(id), 0);
  const budget = vote.budgetFen;
  const max = vote.maxChoices;
  const money = (fen: number) => formatYuan(fen, i18n.language);

  const toggle = (id: string, checked: boolean) => {
    if (!checked) {
      setRefusal(null);
      onChange(value.filter((v) => v !== id));
      return;
    }
    const label = vote.options.find((o) => o.id === id)?.label ?? "";
    if (budget != null && total + cost(id) > budget) {
      setRefusal(
        t("votes.ballot.overBudget", {
          label,
          total: money(total + cost(id)),
          budget: money(budget),
          left: money(budget - total),
        }),
      );
      return;
    }
    if (max != null && value.length >= max) {
      setRefusal(t("votes.ballot.tooManyProjects", { max }));
      return;
    }
    setRefusal(null);
    onChange([...value, id]);
  };

  return (
    <Flex vertical gap={12}>
      {budget != null && (
        <div className="budget-meter" aria-live="polite">
          <Flex justify="space-between" wrap gap={8}>
            <Typography.Text strong>{t("votes.ballot.budgetChosen", { total: money(total) })}</Typography.Text>
            <Typography.Text>
              {t("votes.ballot.budgetLeft", { left: money(budget - total), budget: money(budget) })}
            </Typography.Text>
          </Flex>
          <Progress percent={(total * 100) / budget} showInfo={false} strokeColor="#237a4b" aria-hidden />
        </div>
      )}
      {max != null && (
        <Typography.Text strong className="ballot-hint">
          {t("votes.ballot.atMost", { max, chosen: value.length })}
        </Typography.Text>
      )}
      <fieldset className="ballot-options ballot-fieldset">
        <legend className="sr-only">{t("votes.ballot.projects")}</legend>
        {vote.options.map((option) => {
          const checked = value.includes(option.id);
          const wouldExceed = !checked && budget != null && total + (option.costFen ?? 0) > budget;
          return (
            <Checkbox
              key={option.id}
              checked={checked}
              onChange={(event) => toggle(option.id, event.target.checked)}
              disabled={disabled}
              className={`ballot-option budget-option${wouldExceed ? " is-over" : ""}`}
            >
              <span className="budget-option-label">{option.label}</span>
              <span className="budget-option-cost">{money(option.costFen ?? 0)}</span>
              {wouldExceed && <span className="budget-option-over">{t("votes.ballot.wouldExceed")}</span>}
            </Checkbox>
          );
        })}
      </fieldset>
      {refusal && <Alert type="warning" showIcon title={refusal} role="alert" />}
    </Flex>
  );
}

function RankedChoice({ vote, value, onChange, disabled }: BallotInputProps) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  const label = (id: string) => vote.options.find((o) => o.id === id)?.label ?? id;
  const unranked = vote.options.filter((o) => !value.includes(o.id));

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= value.length) return;
    const next = [...value];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(target, 0, item);
    onChange(next);
    setAnnouncement(t("votes.ballot.nowRanked", { label: label(item), rank: target + 1 }));
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Text className="ballot-hint">{t("votes.ballot.rankedHint")}</Typography.Text>
      <div>
        <Typography.Text strong>{t("votes.ballot.myOrder")}</Typography.Text>
        {value.length === 0 ? (
          <Typography.Paragraph type="secondary" className="ranked-empty">
            {t("votes.ballot.rankedEmpty")}
          </Typography.Paragraph>
        ) : (
          <ol className="ranked-list">
            {value.map((id, index) => (
              <li key={id} className="ranked-item">
                <span className="ranked-number" aria-hidden>
                  {index + 1}
                </span>
                <span className="ranked-label">{label(id)}</span>
                <span className="ranked-actions">
                  <Button
                    icon={<ArrowUpOutlined />}
                    aria-label={t("votes.ballot.moveUp", { label: label(id) })}
                    disabled={disabled || index === 0}
                    onClick={() => move(index, -1)}
                  />
                  <Button
                    icon={<ArrowDownOutlined />}
                    aria-label={t("votes.ballot.moveDown", { label: label(id) })}
                    disabled={disabled || index === value.length - 1}
                    onClick={() => move(index, 1)}
                  />
                  <Button
                    icon={<CloseOutlined />}
                    aria-label={t("votes.ballot.unrank", { label: label(id) })}
                    disabled={disabled}
                    onClick={() => {
                      onChange(value.filter((v) => v !== id));
                      setAnnouncement(t("votes.ballot.removed", { label: label(id) }));
                    }}
                  />
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
      {unranked.length > 0 && (
        <div>
          <Typography.Text strong>{t("votes.ballot.notRanked")}</Typography.Text>
          <Flex vertical gap={8} className="unranked-list">
            {unranked.map((option) => (
              <Button
                key={option.id}
                block
                size="large"
                icon={<PlusOutlined />}
                className="unranked-option"
                disabled={disabled}
                aria-label={t("votes.ballot.rank", { label: option.label, rank: value.length + 1 })}
                onClick={() => {
                  onChange([...value, option.id]);
                  setAnnouncement(t("votes.ballot.nowRanked", { label: option.label, rank: value.length + 1 }));
                }}
              >
                {option.label}
              </Button>
            ))}
          </Flex>
        </div>
      )}
      <div className="sr-only" aria-live="polite">
        {announcement}
      </div>
    </Flex>
  );
}
