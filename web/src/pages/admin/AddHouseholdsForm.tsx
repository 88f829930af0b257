import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { App, Button, Collapse, Flex, Form, Input, InputNumber, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { graphql } from "../../gql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";

const AddHouseholdsDocument = graphql(`
  mutation AddHouseholds($buildingId: ID!, $households: [NewHouseholdInput!]!) {
    addHouseholds(buildingId: $buildingId, households: $households) {
      __typename
      ... on MutationAddHouseholdsSuccess {
        data {
          id
          unit
          floorAreaSqm
        }
      }
      ...Failure
    }
  }
`);

interface Row {
  unit: string;
  floorAreaSqm: number | null;
}

interface Values {
  households: Row[];
}

interface Generator {
  fromFloor: number;
  toFloor: number;
  perFloor: number;
  floorAreaSqm: number | null;
}

const EMPTY_ROW: Row = { unit: "", floorAreaSqm: null };

/** Units for floors × doors as residents write them: 101室, 102室 … 602室. */
export function generateUnits({ fromFloor, toFloor, perFloor, floorAreaSqm }: Generator): Row[] {
  const rows: Row[] = [];
  for (let floor = fromFloor; floor <= toFloor; floor++) {
    for (let door = 1; door <= perFloor; door++) {
      rows.push({ unit: `${floor}${String(door).padStart(2, "0")}室`, floorAreaSqm });
    }
  }
  return rows;
}

/** Registers many households of one building at once; all or nothing, errors point at the row. */
export function AddHouseholdsForm({ buildingId }: { buildingId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [generator] = Form.useForm<Generator>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [state, add] = useAppMutation(AddHouseholdsDocument);

  const submit = async ({ households }: Values) => {
    setFailure(null);
    const outcome = await add({
      buildingId,
      households: households.map((row) => ({ unit: row.unit.trim(), floorAreaSqm: Number(row.floorAreaSqm) })),
    });
    if (outcome.error) {
      // A row's field ("households.3.unit") is shown on that row; anything else above the button.
      const onRow = /^households\.\d+\./.test(outcome.error.field ?? "");
      setFailure(onRow && showOnForm(form, outcome.error, ["households"]) ? null : outcome.error);
      return;
    }
    message.success(t("adminAreas.householdsAdded", { count: outcome.data.length }));
    form.setFieldsValue({ households: [EMPTY_ROW] });
  };

  const fill = (values: Generator) => {
    const rows = generateUnits(values);
    form.setFieldsValue({ households: rows });
    message.info(t("adminAreas.generated", { count: rows.length }));
  };

  return (
    <>
      <Collapse
        className="generator"
        items={[
          {
            key: "generate",
            label: (
              <span>
                <ThunderboltOutlined /> {t("adminAreas.generatorTitle")}
              </span>
            ),
            children: (
              <Form<Generator>
                form={generator}
                layout="inline"
                onFinish={fill}
                initialValues={{ fromFloor: 1, toFloor: 6, perFloor: 2 }}
                className="generator-form"
              >
                <Form.Item
                  name="fromFloor"
                  label={t("adminAreas.fromFloor")}
                  rules={[{ required: true, message: t("adminAreas.required") }]}
                >
                  <InputNumber min={1} max={99} precision={0} />
                </Form.Item>
                <Form.Item
                  name="toFloor"
                  label={t("adminAreas.toFloor")}
                  rules={[{ required: true, message: t("adminAreas.required") }]}
                >
                  <InputNumber min={1} max={99} precision={0} />
                </Form.Item>
                <Form.Item
                  name="perFloor"
                  label={t("adminAreas.perFloor")}
                  rules={[{ required: true, message: t("adminAreas.required") }]}
                >
                  <InputNumber min={1} max={20} precision={0} />
                </Form.Item>
                <Form.Item name="floorAreaSqm" label={t("adminAreas.defaultArea")}>
                  <InputNumber min={0.01} max={9999.99} precision={2} suffix="㎡" />
                </Form.Item>
                <Button htmlType="submit">{t("adminAreas.generate")}</Button>
              </Form>
            ),
          },
        ]}
      />
      <Form<Values>
        form={form}
        onFinish={submit}
        initialValues={{ households: [EMPTY_ROW] }}
        className="households-form"
        onValuesChange={() => setFailure(null)}
      >
        <Form.List name="households">
          {(fields, { add: addRow, remove }) => (
            <>
              <Flex className="households-head" gap={8}>
                <Typography.Text strong className="col-unit">
                  {t("adminAreas.unit")}
                </Typography.Text>
                <Typography.Text strong className="col-area">
                  {t("adminAreas.floorArea")}
                </Typography.Text>
              </Flex>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" className="household-row">
                  <Form.Item
                    name={[field.name, "unit"]}
                    className="col-unit"
                    rules={[{ required: true, whitespace: true, message: t("adminAreas.unitRequired") }]}
                  >
                    <Input
                      placeholder={t("adminAreas.unitPlaceholder")}
                      aria-label={t("adminAreas.unitRow", { n: index + 1 })}
                      maxLength={20}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "floorAreaSqm"]}
                    className="col-area"
                    rules={[{ required: true, message: t("adminAreas.areaRequired") }]}
                  >
                    <InputNumber
                      min={0.01}
                      max={9999.99}
                      precision={2}
                      suffix="㎡"
                      style={{ width: "100%" }}
                      aria-label={t("adminAreas.areaRow", { n: index + 1 })}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("adminAreas.removeRow", { n: index + 1 })}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => addRow(EMPTY_ROW)}
                className="add-row-button"
              >
                {t("adminAreas.addRow")}
              </Button>
            </>
          )}
        </Form.List>
        <FormFailure failure={failure} />
        <Form.Item shouldUpdate noStyle>
          {() => (
            <Button type="primary" htmlType="submit" loading={state.fetching} className="submit-button">
              {t("adminAreas.saveHouseholds", {
                count: (form.getFieldValue("households") as Row[] | undefined)?.length ?? 0,
              })}
            </Button>
          )}
        </Form.Item>
      </Form>
    </>
  );
}
