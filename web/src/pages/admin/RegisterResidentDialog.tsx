import { App, Checkbox, Form, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AreaSelect } from "../../components/AreaSelect";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { PhoneField, phoneForServer, RealNameField } from "../../components/PersonFields";
import { graphql } from "../../gql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";
import { HouseholdField } from "../resident/HouseholdField";
import { useStaffScope } from "./scope";

const RegisterResidentDocument = graphql(`
  mutation RegisterResident($householdId: ID!, $phone: String!, $realName: String!, $isAdult: Boolean) {
    registerResident(householdId: $householdId, phone: $phone, realName: $realName, isAdult: $isAdult) {
      __typename
      ... on MutationRegisterResidentSuccess {
        data {
          ...StaffMembership
        }
      }
      ...Failure
    }
  }
`);

interface Values {
  buildingId?: string;
  householdId: string;
  phone: string;
  realName: string;
  isAdult: boolean;
}

/**
 * 现场登记居民: someone who comes to the 居委会 in person (an older resident without a smartphone)
 * is registered with their phone number and verified at once; they may sign in with it later.
 */
export function RegisterResidentDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roots } = useStaffScope();
  const [form] = Form.useForm<Values>();
  const buildingId = Form.useWatch("buildingId", form) ?? null;
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, register] = useAppMutation(RegisterResidentDocument);

  const submit = async (values: Values) => {
    setFailure(null);
    const outcome = await register({
      householdId: values.householdId,
      phone: phoneForServer(values.phone),
      realName: values.realName.trim(),
      isAdult: values.isAdult,
    });
    if (outcome.error) {
      setFailure(
        showOnForm(form, outcome.error, ["householdId", "phone", "realName", "isAdult"]) ? null : outcome.error,
      );
      return;
    }
    message.success(t("people.registered", { name: outcome.data.account.realName ?? values.realName.trim() }));
    onClose();
  };

  return (
    <Modal
      open
      title={t("people.registerTitle")}
      okText={t("people.register")}
      okButtonProps={{ loading: state.fetching }}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("people.registerLead")}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ isAdult: true }}
        onValuesChange={(changed) => {
          setFailure(null);
          if ("buildingId" in changed) form.resetFields(["householdId"]);
        }}
        className="register-resident-form"
      >
        <Form.Item
          name="buildingId"
          label={t("people.building")}
          rules={[{ required: true, message: t("people.buildingRequired") }]}
        >
          <AreaSelect
            roots={roots}
            selectableKinds={["BUILDING"]}
            leafKinds={["BUILDING", "BLOCK"]}
            placeholder={t("people.buildingPlaceholder")}
          />
        </Form.Item>
        <HouseholdField
          buildingId={buildingId}
          label={t("people.household")}
          requiredMessage={t("people.householdRequired")}
          placeholder={t("people.householdPlaceholder")}
          emptyText={t("people.noHouseholds")}
        />
        <PhoneField label={t("people.phone")} />
        <RealNameField label={t("people.realName")} requiredMessage={t("people.realNameRequired")} />
        <Form.Item name="isAdult" valuePropName="checked">
          <Checkbox>{t("people.isAdult")}</Checkbox>
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
