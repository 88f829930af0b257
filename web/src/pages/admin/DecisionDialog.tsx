import { App, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";
import { DecideMembershipDocument } from "./documents";

interface DecisionDialogProps {
  membershipId: string;
  decision: "REJECTED" | "REVOKED";
  personName: string;
  onClose(): void;
}

/** Rejecting or revoking needs a reason: the resident reads it in their notification. */
export function DecisionDialog({ membershipId, decision, personName, onClose }: DecisionDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, decide] = useAppMutation(DecideMembershipDocument);

  const submit = async ({ note }: { note: string }) => {
    setFailure(null);
    const outcome = await decide({ id: membershipId, decision, note: note.trim() });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["note"]) ? null : outcome.error);
      return;
    }
    message.success(
      decision === "REJECTED" ? t("people.rejected", { name: personName }) : t("people.revoked", { name: personName }),
    );
    onClose();
  };

  return (
    <Modal
      open
      title={
        decision === "REJECTED"
          ? t("people.rejectTitle", { name: personName })
          : t("people.revokeTitle", { name: personName })
      }
      okText={decision === "REJECTED" ? t("people.reject") : t("people.revoke")}
      okButtonProps={{ danger: true, loading: state.fetching }}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="note"
          label={t("people.reason")}
          extra={t("people.reasonHint")}
          rules={[{ required: true, whitespace: true, message: t("people.reasonRequired") }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            autoFocus
            placeholder={t(`people.reasonPlaceholder.${decision}`)}
          />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
