import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AreaSelect } from "../../components/AreaSelect";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { formatArea } from "../../components/format";
import { graphql } from "../../gql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";
import { useBuildingHouseholds } from "../resident/useBuildingHouseholds";
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
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { roots } = useStaffScope();
  const [form] = Form.useForm<Values>();
  const buildingId = Form.useWatch("buildingId", form) ?? null;
  const households = useBuildingHouseholds(buildingId);
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, register] = useAppMutation(RegisterResidentDocument);

  const submit = async (values: Values) => {
    setFailure(null);
    const outcome = await register({
      householdId: values.householdId,
      phone: values.phone.replace(/[\s-]/g, ""),
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
        {households.failed && (
          <Alert
            type="error"
            showIcon
            title={t("common.loadFailed")}
            action={<Button onClick={households.retry}>{t("common.retry")}</Button>}
          />
        )}
        <Form.Item
          name="householdId"
          label={t("people.household")}
          rules={[{ required: true, message: t("people.householdRequired") }]}
        >
          <Select
            disabled={!buildingId}
            showSearch={{ optionFilterProp: "label" }}
            loading={households.loading}
            placeholder={t("people.householdPlaceholder")}
            notFoundContent={households.loading ? t("common.loading") : t("people.noHouseholds")}
            options={households.households.map((h) => ({
              value: h.id,
              label: `${h.unit}（${t("myHome.sqm", { value: formatArea(h.floorAreaSqm, i18n.language) })}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t("people.phone")}
          rules={[
            { required: true, message: t("auth.phoneRequired") },
            { pattern: /^\s*1[3-9]\d(?:[\s-]?\d){8}\s*$/, message: t("auth.phoneInvalid") },
          ]}
        >
          <Input type="tel" inputMode="numeric" maxLength={16} placeholder={t("auth.phonePlaceholder")} />
        </Form.Item>
        <Form.Item
          name="realName"
          label={t("people.realName")}
          rules={[
            { required: true, whitespace: true, message: t("people.realNameRequired") },
            { max: 30, message: t("profile.realNameTooLong") },
          ]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="isAdult" valuePropName="checked">
          <Checkbox>{t("people.isAdult")}</Checkbox>
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
