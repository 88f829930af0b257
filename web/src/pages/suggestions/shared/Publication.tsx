import { EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../../components/FormFailure";
import { useDescribeFailure, useShowFailureOnForm } from "../../../components/failure";
import { graphql } from "../../../gql";
import type { SuggestionPublicationFragment } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";

// Whether a suggestion is on the public board: the submitter's consent (given or withdrawn at any
// time) and a handler's decision to take it off (with a reason). The buttons are the server's
// `viewerPublicationActions`; each mutation answers with this fragment, so every page showing the
// suggestion updates in place. Strings under `suggestion.publication.*`.

export const SuggestionPublicationFields = graphql(`
  fragment SuggestionPublication on Suggestion {
    id
    allowPublish
    isPublic
    hiddenAt
    hiddenReason
    viewerPublicationActions
  }
`);

const SetPublicationDocument = graphql(`
  mutation SetSuggestionPublication($id: ID!, $allow: Boolean!) {
    setSuggestionPublication(id: $id, allow: $allow) {
      __typename
      ... on MutationSetSuggestionPublicationSuccess {
        data {
          ...SuggestionPublication
        }
      }
      ...Failure
    }
  }
`);

const HideDocument = graphql(`
  mutation HideSuggestion($id: ID!, $reason: String!) {
    hideSuggestion(id: $id, reason: $reason) {
      __typename
      ... on MutationHideSuggestionSuccess {
        data {
          ...SuggestionPublication
        }
      }
      ...Failure
    }
  }
`);

const UnhideDocument = graphql(`
  mutation UnhideSuggestion($id: ID!) {
    unhideSuggestion(id: $id) {
      __typename
      ... on MutationUnhideSuggestionSuccess {
        data {
          ...SuggestionPublication
        }
      }
      ...Failure
    }
  }
`);

/** Where it stands, in a sentence: private, public, public once accepted, or taken off. */
export function PublicationState({ suggestion }: { suggestion: SuggestionPublicationFragment }) {
  const { t } = useTranslation();
  const key = suggestion.hiddenAt
    ? "hidden"
    : !suggestion.allowPublish
      ? "private"
      : suggestion.isPublic
        ? "public"
        : "later";
  return (
    <Flex vertical gap={4} data-testid="publication-state" data-state={key}>
      <Typography.Text>
        {key === "public" ? <EyeOutlined /> : <EyeInvisibleOutlined />} {t(`suggestion.publication.state.${key}`)}
      </Typography.Text>
      {suggestion.hiddenReason && (
        <Typography.Text type="secondary">
          {t("suggestion.publication.hiddenReason", { reason: suggestion.hiddenReason })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The submitter's switch: withdraw consent (asked to confirm) or give it again. */
export function ConsentButton({ suggestion }: { suggestion: SuggestionPublicationFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeFailure();
  const [state, setPublication] = useAppMutation(SetPublicationDocument);
  const actions = suggestion.viewerPublicationActions;
  const change = async (allow: boolean) => {
    const outcome = await setPublication({ id: suggestion.id, allow });
    if (outcome.error) {
      message.error(describe(outcome.error));
      return;
    }
    message.success(t(allow ? "suggestion.publication.consentGiven" : "suggestion.publication.consentWithdrawn"));
  };
  if (actions.includes("WITHDRAW_CONSENT")) {
    return (
      <Popconfirm
        title={t("suggestion.publication.withdrawConfirm")}
        okText={t("suggestion.publication.withdraw")}
        cancelText={t("common.cancel")}
        onConfirm={() => change(false)}
      >
        <Button loading={state.fetching} icon={<EyeInvisibleOutlined />} data-testid="withdraw-consent">
          {t("suggestion.publication.withdraw")}
        </Button>
      </Popconfirm>
    );
  }
  if (actions.includes("GIVE_CONSENT")) {
    return (
      <Button
        loading={state.fetching}
        icon={<EyeOutlined />}
        onClick={() => void change(true)}
        data-testid="give-consent"
      >
        {t("suggestion.publication.give")}
      </Button>
    );
  }
  return null;
}

/** A handler's controls: take it off the board with a reason, or put it back. */
export function HideControls({ suggestion }: { suggestion: SuggestionPublicationFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeFailure();
  const [open, setOpen] = useState(false);
  const [, unhide] = useAppMutation(UnhideDocument);
  const actions = suggestion.viewerPublicationActions;
  if (actions.includes("UNHIDE")) {
    return (
      <Popconfirm
        title={t("suggestion.publication.unhideConfirm")}
        okText={t("suggestion.publication.unhide")}
        cancelText={t("common.cancel")}
        onConfirm={async () => {
          const outcome = await unhide({ id: suggestion.id });
          if (outcome.error) message.error(describe(outcome.error));
          else message.success(t("suggestion.publication.unhidden"));
        }}
      >
        <Button size="small" icon={<EyeOutlined />} data-testid="unhide">
          {t("suggestion.publication.unhide")}
        </Button>
      </Popconfirm>
    );
  }
  if (!actions.includes("HIDE")) return null;
  return (
    <>
      <Button size="small" danger icon={<EyeInvisibleOutlined />} onClick={() => setOpen(true)} data-testid="hide">
        {t("suggestion.publication.hide")}
      </Button>
      {open && <HideDialog suggestionId={suggestion.id} onClose={() => setOpen(false)} />}
    </>
  );
}

function HideDialog({ suggestionId, onClose }: { suggestionId: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, hide] = useAppMutation(HideDocument);
  const submit = async ({ reason }: { reason?: string }) => {
    setFailure(null);
    const outcome = await hide({ id: suggestionId, reason: reason?.trim() ?? "" });
    if (outcome.error) {
      if (!showOnForm(form, outcome.error, ["reason"])) setFailure(outcome.error);
      return;
    }
    message.success(t("suggestion.publication.hidden"));
    onClose();
  };
  return (
    <Modal
      open
      title={t("suggestion.publication.hideTitle")}
      okText={t("suggestion.publication.hide")}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: true, loading: state.fetching }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("suggestion.publication.hideBody")}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t("suggestion.publication.reason")}
          rules={[{ required: true, whitespace: true, message: t("suggestion.publication.reasonRequired") }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
