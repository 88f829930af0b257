import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Form, type FormInstance, Input, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { FormFailure } from "../../../components/FormFailure";
import { namePathOf, useDescribeFailure } from "../../../components/failure";
import type { HandleSuggestionFragment, TransferInput, TransferRole } from "../../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../../graphql/outcome";
import { formatDay } from "../shared/dates";
import { DEFAULT_DUE, DueDateInput, type DueValue, dueInput, dueProblem } from "./DueDateInput";
import { AddSuggestionTransfersDocument, DueDateAfterDocument, TransferSuggestionDocument } from "./documents";

interface Row {
  departmentId?: string;
  due: DueValue;
}

interface TransferFormValues {
  lead?: Row;
  co: Row[];
  note?: string;
}

/** Whether a failure means someone else acted first: the page reloads and says so. */
export const isRace = (failure: AppFailure) =>
  !failure.field && (failure.code === "CONFLICT" || failure.code === "INVALID_TRANSITION");

interface TransferDialogProps {
  suggestion: HandleSuggestionFragment;
  /** TRANSFER: the round's first transfer (one lead required); ADD: 追加转办. */
  mode: "TRANSFER" | "ADD";
  onClose(): void;
  /** Done: the suggestion came back with the transfers. */
  onDone(): void;
  /** Someone else changed it meanwhile: the page shows why and reloads. */
  onRace(failure: AppFailure): void;
}

/** Departments that may take it: those of its area and of every area above (the server's rule). */
function departmentsFor(suggestion: HandleSuggestionFragment) {
  const all = [...suggestion.area.ancestors.flatMap((a) => a.departments), ...suggestion.area.departments];
  const seen = new Set<string>();
  return all.filter((d) => !seen.has(d.id) && Boolean(seen.add(d.id)));
}

/**
 * 转办 / 追加转办: one lead (主办) and any co-handling (协办) departments, each with its own due
 * date in working days or a date; the resulting dates are shown as the server will set them.
 * Confirmed before it is sent: departments are told at once.
 */
export function TransferDialog({ suggestion, mode, onClose, onDone, onRace }: TransferDialogProps) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const client = useClient();
  const describe = useDescribeFailure();
  const [form] = Form.useForm<TransferFormValues>();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [transferState, transfer] = useAppMutation(TransferSuggestionDocument);
  const [addState, add] = useAppMutation(AddSuggestionTransfersDocument);
  const busy = transferState.fetching || addState.fetching;

  const live = suggestion.currentTransfers.filter((tr) => tr.status !== "RETURNED");
  const liveIds = new Set(live.map((tr) => tr.department.id));
  const hasLiveLead = live.some((tr) => tr.role === "LEAD");
  const showLead = mode === "TRANSFER" || !hasLiveLead;
  const departments = departmentsFor(suggestion);
  const available = departments.filter((d) => !liveIds.has(d.id));

  const lead = Form.useWatch("lead", form);
  const co = Form.useWatch("co", form) ?? [];
  const chosen = [lead?.departmentId, ...co.map((row) => row?.departmentId)].filter(Boolean) as string[];
  const optionsFor = (own?: string) =>
    available.map((d) => ({ value: d.id, label: d.name, disabled: d.id !== own && chosen.includes(d.id) }));

  /** A server field ("transfers.1.dueOn") → the form's path for that row. */
  const pathFor = (field: string, hasLead: boolean): (string | number)[] | null => {
    const path = namePathOf(field);
    if (path[0] === "note") return ["note"];
    if (path[0] !== "transfers") return null;
    const index = typeof path[1] === "number" ? path[1] : null;
    const leaf = path[2] === "departmentId" ? "departmentId" : "due";
    if (index === null) return null;
    if (hasLead && index === 0) return ["lead", leaf];
    return ["co", index - (hasLead ? 1 : 0), leaf];
  };

  const send = async (values: TransferFormValues, transfers: TransferInput[]) => {
    setFailure(null);
    const variables = { id: suggestion.id, transfers, note: values.note?.trim() || null };
    const outcome = mode === "TRANSFER" ? await transfer(variables) : await add(variables);
    if (outcome.error) {
      const error = outcome.error;
      if (isRace(error)) {
        onRace(error);
        return;
      }
      const path = error.field ? pathFor(error.field, Boolean(values.lead?.departmentId)) : null;
      if (path) {
        (form as FormInstance).setFields([{ name: path, errors: [describe(error)] }]);
      } else {
        setFailure(error);
      }
      return;
    }
    message.success(t(mode === "TRANSFER" ? "suggestDeputy.transfer.done" : "suggestDeputy.transfer.added"));
    onDone();
  };

  const submit = async (values: TransferFormValues) => {
    const rows: { row: Row; role: TransferRole }[] = [
      ...(values.lead?.departmentId ? [{ row: values.lead, role: "LEAD" as const }] : []),
      ...(values.co ?? []).filter((row) => row.departmentId).map((row) => ({ row, role: "CO" as const })),
    ];
    if (!rows.length) {
      setFailure({
        code: "VALIDATION",
        field: null,
        message: t("suggestDeputy.transfer.noneChosen"),
        retryAfterSeconds: null,
      });
      return;
    }
    const transfers: TransferInput[] = rows.map(({ row, role }) => ({
      departmentId: row.departmentId ?? "",
      role,
      ...dueInput(row.due),
    }));
    // The dates the server will set, for the confirmation.
    const dates = await Promise.all(
      rows.map(async ({ row }) =>
        row.due.mode === "date"
          ? row.due.date
          : ((await client.query(DueDateAfterDocument, { workingDays: row.due.days ?? 15 }).toPromise()).data
              ?.dueDateAfter ?? null),
      ),
    );
    modal.confirm({
      title: t(mode === "TRANSFER" ? "suggestDeputy.transfer.confirmTitle" : "suggestDeputy.transfer.confirmAddTitle"),
      content: (
        <Flex vertical gap={8}>
          <ul className="plain-list" data-testid="transfer-confirm">
            {rows.map(({ row, role }, index) => (
              <li key={row.departmentId}>
                {t("suggestDeputy.transfer.confirmLine", {
                  department: departments.find((d) => d.id === row.departmentId)?.name ?? "",
                  role: t(`suggestion.transferRole.${role}`),
                  date: dates[index] ? formatDay(dates[index] ?? "", i18n.language) : "",
                })}
              </li>
            ))}
          </ul>
          <Typography.Text type="secondary">{t("suggestDeputy.transfer.confirmBody")}</Typography.Text>
        </Flex>
      ),
      okText: t("suggestDeputy.transfer.confirmOk"),
      cancelText: t("common.cancel"),
      okButtonProps: { size: "large" },
      cancelButtonProps: { size: "large" },
      onOk: () => send(values, transfers),
    });
  };

  const dueRule = {
    validator: (_: unknown, value: DueValue | undefined) => {
      const problem = dueProblem(value, t);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };

  return (
    <Modal
      open
      width={720}
      title={t(mode === "TRANSFER" ? "suggestDeputy.transfer.title" : "suggestDeputy.transfer.addTitle")}
      okText={t(mode === "TRANSFER" ? "suggestDeputy.transfer.submit" : "suggestDeputy.transfer.submitAdd")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: busy, size: "large" }}
      cancelButtonProps={{ size: "large" }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      className="transfer-form"
    >
      <Form<TransferFormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        initialValues={{
          lead: showLead ? { due: DEFAULT_DUE } : undefined,
          co: mode === "ADD" && !showLead ? [{ due: DEFAULT_DUE }] : [],
        }}
        scrollToFirstError
      >
        <Typography.Paragraph type="secondary">
          {t(mode === "TRANSFER" ? "suggestDeputy.transfer.lead" : "suggestDeputy.transfer.addLead")}
        </Typography.Paragraph>
        {mode === "ADD" && live.length > 0 && (
          <Typography.Paragraph className="transfer-form-current">
            {t("suggestDeputy.transfer.current", {
              list: live
                .map((tr) => {
                  const name = departments.find((d) => d.id === tr.department.id)?.name ?? "";
                  return `${name}（${t(`suggestion.transferRole.${tr.role}`)}）`;
                })
                .join("、"),
            })}
          </Typography.Paragraph>
        )}
        {departments.length === 0 && (
          <Alert type="warning" showIcon className="form-note" title={t("suggestDeputy.transfer.noDepartments")} />
        )}
        {showLead && (
          <fieldset className="transfer-form-row is-lead">
            <legend>{t("suggestDeputy.transfer.leadLegend")}</legend>
            <Form.Item
              name={["lead", "departmentId"]}
              label={t("suggestDeputy.transfer.leadDepartment")}
              rules={mode === "TRANSFER" ? [{ required: true, message: t("suggestDeputy.transfer.leadRequired") }] : []}
              extra={mode === "ADD" ? t("suggestDeputy.transfer.newLeadHint") : undefined}
            >
              <Select
                showSearch={{ optionFilterProp: "label" }}
                allowClear={mode === "ADD"}
                placeholder={t("suggestDeputy.transfer.chooseDepartment")}
                options={optionsFor(lead?.departmentId)}
              />
            </Form.Item>
            <Form.Item
              name={["lead", "due"]}
              label={t("suggestDeputy.transfer.due")}
              required={mode === "TRANSFER" || Boolean(lead?.departmentId)}
              rules={mode === "TRANSFER" || lead?.departmentId ? [dueRule] : []}
            >
              <DueDateInput label={t("suggestDeputy.transfer.leadLegend")} />
            </Form.Item>
          </fieldset>
        )}
        <Form.List name="co">
          {(fields, { add: addRow, remove }) => (
            <Flex vertical gap={12} className="transfer-form-co">
              {fields.map((field, index) => (
                <fieldset key={field.key} className="transfer-form-row">
                  <legend>{t("suggestDeputy.transfer.coLegend", { n: index + 1 })}</legend>
                  <Flex gap={8} align="flex-start">
                    <Form.Item
                      name={[field.name, "departmentId"]}
                      label={t("suggestDeputy.transfer.coDepartment")}
                      rules={[{ required: true, message: t("suggestDeputy.transfer.coRequired") }]}
                      className="transfer-form-department"
                    >
                      <Select
                        showSearch={{ optionFilterProp: "label" }}
                        placeholder={t("suggestDeputy.transfer.chooseDepartment")}
                        options={optionsFor(co[index]?.departmentId)}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t("suggestDeputy.transfer.removeCo", { n: index + 1 })}
                      className="transfer-form-remove"
                    />
                  </Flex>
                  <Form.Item
                    name={[field.name, "due"]}
                    label={t("suggestDeputy.transfer.due")}
                    required
                    rules={[dueRule]}
                  >
                    <DueDateInput label={t("suggestDeputy.transfer.coLegend", { n: index + 1 })} />
                  </Form.Item>
                </fieldset>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => addRow({ due: DEFAULT_DUE })}
                disabled={fields.length + (showLead ? 1 : 0) >= Math.min(10, available.length)}
                className="transfer-form-add"
              >
                {t("suggestDeputy.transfer.addCo")}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item
          name="note"
          label={t("suggestDeputy.transfer.note")}
          extra={t("suggestDeputy.transfer.noteHint")}
          className="transfer-form-note"
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
