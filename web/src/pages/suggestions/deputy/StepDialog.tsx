import { Alert, App, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../../components/FormFailure";
import { useShowFailureOnForm } from "../../../components/failure";
import type { HandleSuggestionFragment } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import {
  AcceptSuggestionDocument,
  CloseSuggestionDocument,
  DeclineSuggestionDocument,
  ReplySuggestionDocument,
} from "./documents";
import { isRace } from "./TransferDialog";

export type Step = "ACCEPT" | "DECLINE" | "REPLY" | "CLOSE";

interface StepDialogProps {
  step: Step;
  suggestion: HandleSuggestionFragment;
  onClose(): void;
  onDone(): void;
  onRace(failure: AppFailure): void;
}

/** The text each step takes: a note (optional), a reason or the reply (required). */
const FIELD: Record<Step, { name: "note" | "reason" | "body"; required: boolean; max: number; rows: number }> = {
  ACCEPT: { name: "note", required: false, max: 500, rows: 3 },
  DECLINE: { name: "reason", required: true, max: 2000, rows: 4 },
  REPLY: { name: "body", required: true, max: 2000, rows: 8 },
  CLOSE: { name: "note", required: false, max: 500, rows: 3 },
};

/**
 * 受理 / 不予受理 / 答复 / 办结: each a dialog that says what will happen (none can be undone) and
 * takes its text. A reason or a reply is read by the resident.
 */
export function StepDialog({ step, suggestion, onClose, onDone, onRace }: StepDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text?: string }>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [acceptState, accept] = useAppMutation(AcceptSuggestionDocument);
  const [declineState, decline] = useAppMutation(DeclineSuggestionDocument);
  const [replyState, reply] = useAppMutation(ReplySuggestionDocument);
  const [closeState, close] = useAppMutation(CloseSuggestionDocument);
  const busy = acceptState.fetching || declineState.fetching || replyState.fetching || closeState.fetching;
  const field = FIELD[step];
  const key = step.toLowerCase() as "accept" | "decline" | "reply" | "close";
  const openTransfers = suggestion.currentTransfers.filter(
    (tr) => tr.status === "PENDING" || tr.status === "IN_PROGRESS",
  );

  const submit = async ({ text }: { text?: string }) => {
    setFailure(null);
    const value = text?.trim() ?? "";
    const id = suggestion.id;
    const outcome =
      step === "ACCEPT"
        ? await accept({ id, note: value || null })
        : step === "DECLINE"
          ? await decline({ id, reason: value })
          : step === "REPLY"
            ? await reply({ id, body: value })
            : await close({ id, note: value || null });
    if (outcome.error) {
      if (isRace(outcome.error)) {
        onRace(outcome.error);
        return;
      }
      setFailure(showOnForm(form, outcome.error, ["text"], { [field.name]: "text" }) ? null : outcome.error);
      return;
    }
    message.success(t(`suggestDeputy.step.${key}.done`));
    onDone();
  };

  return (
    <Modal
      open
      title={t(`suggestDeputy.step.${key}.title`)}
      okText={t(`suggestDeputy.step.${key}.ok`)}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: busy, danger: step === "DECLINE", size: "large" }}
      cancelButtonProps={{ size: "large" }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={step === "REPLY" ? 720 : 520}
      className="step-dialog"
    >
      <Typography.Paragraph>{t(`suggestDeputy.step.${key}.body`)}</Typography.Paragraph>
      {step === "REPLY" && openTransfers.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="form-note"
          title={t("suggestDeputy.step.reply.openTransfers", { count: openTransfers.length })}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={field.required ? true : "optional"}>
        <Form.Item
          name="text"
          label={t(`suggestDeputy.step.${key}.label`)}
          extra={t(`suggestDeputy.step.${key}.hint`)}
          rules={
            field.required
              ? [{ required: true, whitespace: true, message: t(`suggestDeputy.step.${key}.required`) }]
              : []
          }
        >
          <Input.TextArea rows={field.rows} maxLength={field.max} showCount autoFocus />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
