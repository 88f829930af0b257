import { Form, Input } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A mobile number as people type it: 11 digits starting 13–19, spaces or dashes allowed. */
const MOBILE_AS_TYPED = /^\s*1[3-9]\d(?:[\s-]?\d){8}\s*$/;

/** The number as the server takes it: what PhoneField accepted, without spaces or dashes. */
export function phoneForServer(typed: string): string {
  return typed.replace(/[\s-]/g, "");
}

/** The `phone` field of a form where staff enter someone's mobile number. */
export function PhoneField({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="phone"
      label={label}
      rules={[
        { required: true, message: t("auth.phoneRequired") },
        { pattern: MOBILE_AS_TYPED, message: t("auth.phoneInvalid") },
      ]}
    >
      <Input type="tel" inputMode="numeric" maxLength={16} placeholder={t("auth.phonePlaceholder")} />
    </Form.Item>
  );
}

/** The `realName` field (private: only the person and their area's staff see it); `requiredMessage` makes it required. */
export function RealNameField({
  label,
  requiredMessage,
  extra,
}: {
  label: string;
  requiredMessage?: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="realName"
      label={label}
      extra={extra}
      rules={[
        ...(requiredMessage ? [{ required: true, whitespace: true, message: requiredMessage }] : []),
        { max: 30, message: t("profile.realNameTooLong") },
      ]}
    >
      <Input maxLength={30} />
    </Form.Item>
  );
}
