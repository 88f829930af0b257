import { CheckCircleOutlined, CheckOutlined, MessageOutlined, RollbackOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../../components/FormFailure";
import { useDescribeFailure, useShowFailureOnForm } from "../../../components/failure";
import type { DeptSuggestionFragment, DeptTransferDetailFragment } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { PhotoPicker, type UploadedPhoto } from "../shared/PhotoPicker";
import {
  DeptAcknowledgeDocument,
  DeptCompleteDocument,
  DeptPostUpdateDocument,
  DeptReplyDocument,
  DeptReturnDocument,
} from "./documents";

type Dialog = "RETURN" | "COMPLETE" | "REPLY";

interface ActionsProps {
  suggestion: DeptSuggestionFragment;
  transfer: DeptTransferDetailFragment;
}

/**
 * The buttons the server allows now (transfer.viewerActions, and the suggestion's REPLY for the lead
 * department): 签收, 答复 (the lead's way to finish), 办毕 (a co-handler's), 退回.
 */
export function TransferActions({ suggestion, transfer }: ActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeFailure();
  const [ackState, acknowledge] = useAppMutation(DeptAcknowledgeDocument);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const actions = transfer.viewerActions;
  const currentRound = transfer.round === suggestion.round;
  const mayReply =
    currentRound &&
    transfer.role === "LEAD" &&
    (transfer.status === "PENDING" || transfer.status === "IN_PROGRESS") &&
    suggestion.viewerActions.includes("REPLY");

  const signFor = async () => {
    const outcome = await acknowledge({ transferId: transfer.id });
    if (outcome.error) message.error(describe(outcome.error));
    else message.success(t("suggestOffice.transfer.acknowledged"));
  };

  if (!actions.length && !mayReply) return null;
  return (
    <>
      <Flex gap={8} wrap className="dt-actions" data-testid="transfer-actions">
        {actions.includes("ACKNOWLEDGE") && (
          <Button type="primary" size="large" icon={<CheckOutlined />} loading={ackState.fetching} onClick={signFor}>
            {t("suggestOffice.transfer.acknowledge")}
          </Button>
        )}
        {mayReply && (
          <Button
            type={actions.includes("ACKNOWLEDGE") ? "default" : "primary"}
            size="large"
            icon={<MessageOutlined />}
            onClick={() => setDialog("REPLY")}
          >
            {t("suggestOffice.transfer.reply")}
          </Button>
        )}
        {actions.includes("COMPLETE") && (
          <Button type="primary" size="large" icon={<CheckCircleOutlined />} onClick={() => setDialog("COMPLETE")}>
            {t("suggestOffice.transfer.complete")}
          </Button>
        )}
        {actions.includes("RETURN") && (
          <Button size="large" danger icon={<RollbackOutlined />} onClick={() => setDialog("RETURN")}>
            {t("suggestOffice.transfer.return")}
          </Button>
        )}
      </Flex>
      {transfer.role === "LEAD" && transfer.status === "PENDING" && (
        <Typography.Paragraph type="secondary" className="dt-actions-hint">
          {t("suggestOffice.transfer.leadHintPending")}
        </Typography.Paragraph>
      )}
      {transfer.role === "CO" && actions.includes("COMPLETE") && (
        <Typography.Paragraph type="secondary" className="dt-actions-hint">
          {t("suggestOffice.transfer.coHint")}
        </Typography.Paragraph>
      )}
      {dialog === "RETURN" && <ReturnDialog transfer={transfer} onClose={() => setDialog(null)} />}
      {dialog === "COMPLETE" && <CompleteDialog transfer={transfer} onClose={() => setDialog(null)} />}
      {dialog === "REPLY" && <ReplyDialog suggestion={suggestion} onClose={() => setDialog(null)} />}
    </>
  );
}

/** 退回 needs a reason: the deputy reads it and transfers to the right department. */
function ReturnDialog({ transfer, onClose }: { transfer: DeptTransferDetailFragment; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, sendBack] = useAppMutation(DeptReturnDocument);

  const submit = async ({ reason }: { reason: string }) => {
    setFailure(null);
    const outcome = await sendBack({ transferId: transfer.id, reason: reason.trim() });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["reason"]) ? null : outcome.error);
      return;
    }
    message.success(t("suggestOffice.transfer.returned"));
    onClose();
  };

  return (
    <Modal
      open
      title={t("suggestOffice.transfer.returnTitle")}
      okText={t("suggestOffice.transfer.returnConfirm")}
      okButtonProps={{ danger: true, loading: state.fetching }}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t("suggestOffice.transfer.returnWarning")} className="form-note" />
      <Form name="return-transfer" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t("suggestOffice.transfer.returnReason")}
          rules={[{ required: true, whitespace: true, message: t("suggestOffice.transfer.returnReasonRequired") }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            autoFocus
            placeholder={t("suggestOffice.transfer.returnReasonPlaceholder")}
          />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}

/** A co-handler's part is done, with an optional closing note (kept as its last progress). */
function CompleteDialog({ transfer, onClose }: { transfer: DeptTransferDetailFragment; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, complete] = useAppMutation(DeptCompleteDocument);

  const submit = async ({ note }: { note?: string }) => {
    setFailure(null);
    const outcome = await complete({ transferId: transfer.id, note: note?.trim() || null });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["note"]) ? null : outcome.error);
      return;
    }
    message.success(t("suggestOffice.transfer.completed"));
    onClose();
  };

  return (
    <Modal
      open
      title={t("suggestOffice.transfer.completeTitle")}
      okText={t("suggestOffice.transfer.completeConfirm")}
      okButtonProps={{ loading: state.fetching }}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("suggestOffice.transfer.completeExplain")}</Typography.Paragraph>
      <Form name="complete-transfer" form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t("suggestOffice.transfer.completeNote")}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={t("suggestOffice.transfer.completeNotePlaceholder")}
          />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}

/** 答复: the lead department's answer to the resident; it ends the round's transfers. */
function ReplyDialog({ suggestion, onClose }: { suggestion: DeptSuggestionFragment; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, reply] = useAppMutation(DeptReplyDocument);

  const submit = async ({ body }: { body: string }) => {
    setFailure(null);
    const outcome = await reply({ id: suggestion.id, body: body.trim() });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["body"]) ? null : outcome.error);
      return;
    }
    message.success(t("suggestOffice.transfer.replied"));
    onClose();
  };

  return (
    <Modal
      open
      width={640}
      title={t("suggestOffice.transfer.replyTitle")}
      okText={t("suggestOffice.transfer.replyConfirm")}
      okButtonProps={{ loading: state.fetching }}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t("suggestOffice.transfer.replyExplain")} className="form-note" />
      <Form name="reply-suggestion" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="body"
          label={t("suggestOffice.transfer.replyBody")}
          rules={[{ required: true, whitespace: true, message: t("suggestOffice.transfer.replyBodyRequired") }]}
        >
          <Input.TextArea
            rows={6}
            maxLength={2000}
            showCount
            autoFocus
            placeholder={t("suggestOffice.transfer.replyPlaceholder")}
          />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}

interface ProgressValues {
  body: string;
  photos?: UploadedPhoto[];
}

/** 发布办理进展: text and photos. Posting on a transfer not yet signed for signs for it. */
export function ProgressForm({ transfer }: { transfer: DeptTransferDetailFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressValues>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, post] = useAppMutation(DeptPostUpdateDocument);
  // Sending while a photo is still uploading would post the update without it.
  const [photosUploading, setPhotosUploading] = useState(false);

  const submit = async ({ body, photos }: ProgressValues) => {
    setFailure(null);
    const outcome = await post({
      transferId: transfer.id,
      body: body.trim(),
      photoIds: photos?.length ? photos.map((p) => p.id) : null,
    });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["body", "photos"], { photoIds: "photos" }) ? null : outcome.error);
      return;
    }
    message.success(t("suggestOffice.progress.posted"));
    form.resetFields();
  };

  return (
    <Form
      name="progress-update"
      form={form}
      layout="vertical"
      onFinish={submit}
      className="dt-progress-form"
      data-testid="progress-form"
    >
      {transfer.status === "PENDING" && (
        <Alert type="info" showIcon title={t("suggestOffice.progress.signsFor")} className="form-note" />
      )}
      <Form.Item
        name="body"
        label={t("suggestOffice.progress.body")}
        rules={[{ required: true, whitespace: true, message: t("suggestOffice.progress.bodyRequired") }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t("suggestOffice.progress.placeholder")} />
      </Form.Item>
      <Form.Item name="photos" label={t("suggestOffice.progress.photos")} extra={t("suggestion.photos.hint")}>
        <PhotoPicker onUploadingChange={setPhotosUploading} />
      </Form.Item>
      <FormFailure failure={failure} />
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        loading={state.fetching}
        disabled={photosUploading}
        className="submit-button"
      >
        {photosUploading ? t("suggestion.photos.uploading") : t("suggestOffice.progress.submit")}
      </Button>
    </Form>
  );
}
