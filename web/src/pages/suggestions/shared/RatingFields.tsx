import { FrownOutlined, MehOutlined, SmileOutlined } from "@ant-design/icons";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { Alert, Form, Input, Radio } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useShowFailureOnForm } from "../../../components/failure";
import type { Satisfaction } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";

/** 满意 / 基本满意 / 不满意 with their faces. */
const SATISFACTION_CHOICES: readonly { value: Satisfaction; icon: React.ReactNode }[] = [
  { value: "SATISFIED", icon: <SmileOutlined /> },
  { value: "BASICALLY_SATISFIED", icon: <MehOutlined /> },
  { value: "UNSATISFIED", icon: <FrownOutlined /> },
];

/** What a rating form holds, whether the submitter fills it in or a deputy does from a call. */
export interface RatingValues {
  satisfaction?: Satisfaction;
  comment?: string;
}

interface RatingVariables {
  id: string;
  satisfaction: Satisfaction;
  comment?: string | null;
}

/**
 * A rating form's state and its submit, for either rating mutation. A refusal naming a field is
 * shown on it, any other in `failure`; `onRefused` may take a refusal first (and return true).
 */
export function useRatingForm<R>(
  document: TypedDocumentNode<R, RatingVariables>,
  id: string,
  handlers: { onRated(satisfaction: Satisfaction): void; onRefused?(failure: AppFailure): boolean },
) {
  const [form] = Form.useForm<RatingValues>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, rate] = useAppMutation(document);
  const unsatisfied = Form.useWatch("satisfaction", form) === "UNSATISFIED";

  const submit = async ({ satisfaction, comment }: RatingValues) => {
    if (!satisfaction) return;
    setFailure(null);
    const outcome = await rate({ id, satisfaction, comment: comment?.trim() || null });
    if (!outcome.error) {
      handlers.onRated(satisfaction);
    } else if (!handlers.onRefused?.(outcome.error) && !showOnForm(form, outcome.error, ["satisfaction", "comment"])) {
      setFailure(outcome.error);
    }
  };
  return { form, failure, unsatisfied, fetching: state.fetching, submit };
}

interface RatingFieldsProps {
  /** Whether 不满意 is chosen: the comment becomes a required reason. */
  unsatisfied: boolean;
  labels: {
    question: string;
    comment: string;
    reason: string;
    /** Shown once 不满意 is chosen: what happens next. */
    unsatisfiedTitle: string;
    unsatisfiedNote?: string;
    commentPlaceholder?: string;
    reasonPlaceholder?: string;
  };
}

/**
 * The choice of 满意 / 基本满意 / 不满意 and the comment, which 不满意 makes a required reason (the
 * server checks the same). Used inside a Form<RatingValues>: the resident's RatePanel and the
 * deputy's 电话回访 dialog.
 */
export function RatingFields({ unsatisfied, labels }: RatingFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="satisfaction"
        label={labels.question}
        rules={[{ required: true, message: t("suggestResident.rate.chooseOne") }]}
      >
        <Radio.Group className="rate-choices">
          {SATISFACTION_CHOICES.map((choice) => (
            <Radio key={choice.value} value={choice.value} className={`rate-choice rate-${choice.value}`}>
              <span aria-hidden className="rate-choice-icon">
                {choice.icon}
              </span>{" "}
              {t(`suggestion.satisfaction.${choice.value}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {unsatisfied && (
        <Alert
          type="warning"
          showIcon
          className="form-note"
          title={labels.unsatisfiedTitle}
          description={labels.unsatisfiedNote}
        />
      )}
      <Form.Item
        name="comment"
        label={unsatisfied ? labels.reason : labels.comment}
        rules={[
          { required: unsatisfied, whitespace: true, message: t("suggestResident.rate.reasonRequired") },
          { max: 500, message: t("suggestResident.rate.commentTooLong") },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={500}
          showCount
          placeholder={unsatisfied ? labels.reasonPlaceholder : labels.commentPlaceholder}
        />
      </Form.Item>
    </>
  );
}
