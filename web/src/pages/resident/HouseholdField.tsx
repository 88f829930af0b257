import { Alert, Button, Form, Select, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatArea } from "../../components/format";
import { useBuildingHouseholds } from "./useBuildingHouseholds";

export interface HouseholdFieldProps {
  /** The chosen building; until there is one the field is disabled. */
  buildingId: string | null;
  label: string;
  requiredMessage: string;
  placeholder: string;
  /** Said when the building has no households registered. */
  emptyText: string;
  extra?: ReactNode;
}

/**
 * 门牌号: the `householdId` field of a form, with the units of one building. It stays disabled
 * until the building is chosen and while its units load (a list opened early would take clicks
 * on nothing), shows a spinner meanwhile, and offers a retry if loading failed.
 */
export function HouseholdField({
  buildingId,
  label,
  requiredMessage,
  placeholder,
  emptyText,
  extra,
}: HouseholdFieldProps) {
  const { t, i18n } = useTranslation();
  const { households, loading, failed, retry } = useBuildingHouseholds(buildingId);
  return (
    <>
      {failed && (
        <Alert
          type="error"
          showIcon
          title={t("common.loadFailed")}
          action={<Button onClick={retry}>{t("common.retry")}</Button>}
        />
      )}
      <Form.Item name="householdId" label={label} rules={[{ required: true, message: requiredMessage }]} extra={extra}>
        <Select
          disabled={!buildingId || loading}
          loading={loading}
          showSearch={{ optionFilterProp: "label" }}
          placeholder={loading ? t("common.loading") : placeholder}
          notFoundContent={loading ? <Spin size="small" aria-label={t("common.loading")} /> : emptyText}
          options={households.map((h) => ({
            value: h.id,
            label: `${h.unit}（${t("myHome.sqm", { value: formatArea(h.floorAreaSqm, i18n.language) })}）`,
          }))}
        />
      </Form.Item>
    </>
  );
}
