import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { AreaSelect } from "../../components/AreaSelect";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import type { OrgDepartmentFragment } from "../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";
import { useStaffScope } from "./scope";

const OrgDepartmentsDocument = graphql(`
  query OrgDepartments {
    departments {
      ...OrgDepartment
    }
  }
`);

export const OrgDepartmentFragmentDoc = graphql(`
  fragment OrgDepartment on Department {
    id
    name
    contact
    area {
      id
      name
      ancestors {
        id
      }
    }
  }
`);

const CreateDepartmentDocument = graphql(`
  mutation CreateDepartment($areaId: ID!, $name: String!, $contact: String) {
    createDepartment(areaId: $areaId, name: $name, contact: $contact) {
      __typename
      ... on MutationCreateDepartmentSuccess {
        data {
          ...OrgDepartment
        }
      }
      ...Failure
    }
  }
`);

const UpdateDepartmentDocument = graphql(`
  mutation UpdateDepartment($id: ID!, $name: String, $contact: String) {
    updateDepartment(id: $id, name: $name, contact: $contact) {
      __typename
      ... on MutationUpdateDepartmentSuccess {
        data {
          ...OrgDepartment
        }
      }
      ...Failure
    }
  }
`);

export function DepartmentsTab() {
  const { t } = useTranslation();
  const { covers } = useStaffScope();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OrgDepartmentsDocument });
  const [editing, setEditing] = useState<OrgDepartmentFragment | "new" | null>(null);
  const departments = (data?.departments ?? []).filter((d) => covers(d.area));
  return (
    <Flex vertical gap={12}>
      <div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          {t("organisation.newDepartment")}
        </Button>
      </div>
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(data)}
        empty={departments.length === 0}
        emptyText={t("organisation.noDepartments")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        {departments.map((department) => (
          <Card
            key={department.id}
            size="small"
            title={department.name}
            extra={
              <Button icon={<EditOutlined />} onClick={() => setEditing(department)}>
                {t("common.edit")}
              </Button>
            }
          >
            <Typography.Text>{department.area.name}</Typography.Text>
            <Typography.Text type="secondary"> · {department.contact || t("organisation.noContact")}</Typography.Text>
          </Card>
        ))}
      </QueryState>
      {editing && <DepartmentDialog department={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

interface DepartmentValues {
  areaId?: string;
  name: string;
  contact?: string;
}

function DepartmentDialog({ department, onClose }: { department: OrgDepartmentFragment | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roots } = useStaffScope();
  const [form] = Form.useForm<DepartmentValues>();
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [createState, create] = useAppMutation(CreateDepartmentDocument);
  const [updateState, update] = useAppMutation(UpdateDepartmentDocument);

  const submit = async (values: DepartmentValues) => {
    setFailure(null);
    const contact = values.contact?.trim() || null;
    const outcome = department
      ? await update({ id: department.id, name: values.name.trim(), contact })
      : await create({ areaId: values.areaId ?? "", name: values.name.trim(), contact });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, ["areaId", "name", "contact"]) ? null : outcome.error);
      return;
    }
    message.success(t("common.saved"));
    onClose();
  };

  return (
    <Modal
      open
      title={department ? t("organisation.editDepartment") : t("organisation.newDepartment")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: createState.fetching || updateState.fetching }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<DepartmentValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setFailure(null)}
        initialValues={
          department ? { name: department.name, contact: department.contact ?? "" } : { areaId: roots[0]?.id }
        }
      >
        {!department && (
          <Form.Item
            name="areaId"
            label={t("organisation.departmentArea")}
            rules={[{ required: true, message: t("organisation.areaRequired") }]}
          >
            <AreaSelect roots={roots} leafKinds={["NEIGHBOURHOOD", "BLOCK"]} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t("organisation.name")}
          rules={[
            { required: true, whitespace: true, message: t("adminAreas.nameRequired") },
            { max: 50, message: t("adminAreas.nameTooLong") },
          ]}
        >
          <Input maxLength={50} placeholder={t("organisation.departmentNamePlaceholder")} />
        </Form.Item>
        <Form.Item name="contact" label={t("organisation.contact")} extra={t("organisation.contactHint")}>
          <Input maxLength={100} />
        </Form.Item>
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
