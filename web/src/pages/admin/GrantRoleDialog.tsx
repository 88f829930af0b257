import { App, Form, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { AreaSelect } from "../../components/AreaSelect";
import { FormFailure } from "../../components/FormFailure";
import { useShowFailureOnForm } from "../../components/failure";
import { PhoneField, phoneForServer, RealNameField } from "../../components/PersonFields";
import { graphql } from "../../gql";
import type { Role } from "../../gql/graphql";
import { type AppFailure, useAppMutation } from "../../graphql/outcome";
import { ALL_ROLES, STAFF_GRANTABLE, useStaffScope } from "./scope";

const GrantOptionsDocument = graphql(`
  query GrantOptions {
    councils {
      id
      name
      area {
        id
        ancestors {
          id
        }
      }
    }
    departments {
      id
      name
      area {
        id
        ancestors {
          id
        }
      }
    }
    liaisonPosts {
      ...GrantPostOption
      children {
        ...GrantPostOption
        children {
          ...GrantPostOption
        }
      }
    }
  }
`);

export const GrantPostOptionFragmentDoc = graphql(`
  fragment GrantPostOption on LiaisonPost {
    id
    name
    kind
    area {
      id
      ancestors {
        id
      }
    }
  }
`);

const GrantRoleDocument = graphql(`
  mutation GrantRole(
    $phone: String!
    $realName: String
    $role: Role!
    $areaId: ID
    $councilId: ID
    $departmentId: ID
    $postId: ID
  ) {
    grantRole(
      phone: $phone
      realName: $realName
      role: $role
      areaId: $areaId
      councilId: $councilId
      departmentId: $departmentId
      postId: $postId
    ) {
      __typename
      ... on MutationGrantRoleSuccess {
        data {
          ...GrantInfo
        }
      }
      ...Failure
    }
  }
`);

interface Values {
  phone: string;
  realName?: string;
  role: Role;
  areaId?: string;
  councilId?: string;
  departmentId?: string;
  postId?: string;
}

/** What a role is scoped by: a council, a department, a liaison post, or an area. */
function scopeOf(role: Role | undefined): "councilId" | "departmentId" | "postId" | "areaId" {
  if (role === "COUNCIL_MEMBER" || role === "FACILITATOR") return "councilId";
  if (role === "DEPARTMENT_HANDLER") return "departmentId";
  if (role === "DEPUTY") return "postId";
  return "areaId";
}

const FIELDS = ["phone", "realName", "role", "areaId", "councilId", "departmentId", "postId"];

export function GrantRoleDialog({ onClose, defaultAreaId }: { onClose(): void; defaultAreaId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roots, isAdmin, covers } = useStaffScope();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch("role", form);
  const scope = scopeOf(role);
  const showOnForm = useShowFailureOnForm();
  const [failure, setFailure] = useState<AppFailure | null>(null);
  const [{ data: options, fetching: loadingOptions }] = useQuery({ query: GrantOptionsDocument });
  const [state, grant] = useAppMutation(GrantRoleDocument);

  const councils = (options?.councils ?? []).filter((c) => covers(c.area));
  const departments = (options?.departments ?? []).filter((d) => covers(d.area));
  const posts = (options?.liaisonPosts ?? [])
    .flatMap((home) => [home, ...home.children.flatMap((station) => [station, ...station.children])])
    .filter((p) => covers(p.area));
  const roles = isAdmin ? ALL_ROLES : STAFF_GRANTABLE;

  const submit = async (values: Values) => {
    setFailure(null);
    const outcome = await grant({
      phone: phoneForServer(values.phone),
      realName: values.realName?.trim() || null,
      role: values.role,
      [scope]: values[scope],
    });
    if (outcome.error) {
      setFailure(showOnForm(form, outcome.error, FIELDS) ? null : outcome.error);
      return;
    }
    const person = outcome.data.account.realName || outcome.data.account.displayName;
    message.success(t("roles.granted", { name: person, role: t(`role.${outcome.data.role}`) }));
    onClose();
  };

  return (
    <Modal
      open
      title={t("roles.grantTitle")}
      okText={t("roles.grant")}
      okButtonProps={{ loading: state.fetching }}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: "COUNCIL_MEMBER", areaId: defaultAreaId ?? undefined }}
        onValuesChange={() => setFailure(null)}
        className="grant-form"
      >
        <PhoneField label={t("roles.phone")} />
        <RealNameField label={t("roles.realName")} extra={t("roles.realNameHint")} />
        <Form.Item name="role" label={t("roles.role")} rules={[{ required: true, message: t("roles.roleRequired") }]}>
          <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {scope === "councilId" && (
          <Form.Item
            name="councilId"
            label={t("roles.council")}
            rules={[{ required: true, message: t("roles.councilRequired") }]}
          >
            <Select
              loading={loadingOptions}
              placeholder={t("roles.councilPlaceholder")}
              notFoundContent={t("roles.noCouncils")}
              options={councils.map((c) => ({ value: c.id, label: c.name }))}
              showSearch={{ optionFilterProp: "label" }}
            />
          </Form.Item>
        )}
        {scope === "departmentId" && (
          <Form.Item
            name="departmentId"
            label={t("roles.department")}
            rules={[{ required: true, message: t("roles.departmentRequired") }]}
          >
            <Select
              loading={loadingOptions}
              placeholder={t("roles.departmentPlaceholder")}
              notFoundContent={t("roles.noDepartments")}
              options={departments.map((d) => ({ value: d.id, label: d.name }))}
              showSearch={{ optionFilterProp: "label" }}
            />
          </Form.Item>
        )}
        {scope === "postId" && (
          <Form.Item
            name="postId"
            label={t("roles.post")}
            rules={[{ required: true, message: t("roles.postRequired") }]}
          >
            <Select
              loading={loadingOptions}
              placeholder={t("roles.postPlaceholder")}
              notFoundContent={t("roles.noPosts")}
              options={posts.map((p) => ({ value: p.id, label: `${p.name}（${t(`postKind.${p.kind}`)}）` }))}
              showSearch={{ optionFilterProp: "label" }}
            />
          </Form.Item>
        )}
        {scope === "areaId" && (
          <Form.Item
            name="areaId"
            label={t("roles.scopeArea")}
            rules={[{ required: true, message: t("roles.areaRequired") }]}
          >
            <AreaSelect roots={roots} />
          </Form.Item>
        )}
        <FormFailure failure={failure} />
      </Form>
    </Modal>
  );
}
