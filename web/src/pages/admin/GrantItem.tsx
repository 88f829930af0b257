import { DeleteOutlined, IdcardOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeFailure } from "../../components/failure";
import { useFormatDateTime } from "../../components/format";
import { graphql } from "../../gql";
import type { GrantInfoFragment } from "../../gql/graphql";
import { useAppMutation } from "../../graphql/outcome";
import { DeputyProfileDialog } from "./DeputyProfileDialog";

export const GrantInfoFragmentDoc = graphql(`
  fragment GrantInfo on RoleGrant {
    id
    role
    grantedAt
    account {
      id
      displayName
      realName
      phone
      deputyProfile {
        id
        name
        title
        bio
      }
    }
    area {
      id
      name
      kind
    }
    council {
      id
      name
    }
    department {
      id
      name
    }
    post {
      id
      name
    }
  }
`);

const RevokeRoleDocument = graphql(`
  mutation RevokeRole($id: ID!) {
    revokeRole(id: $id) {
      __typename
      ... on MutationRevokeRoleSuccess {
        data {
          id
          revokedAt
          council {
            id
          }
          post {
            id
          }
        }
      }
      ...Failure
    }
  }
`);

const ROLE_COLORS: Record<string, string> = {
  ADMIN: "red",
  STAFF: "volcano",
  FACILITATOR: "blue",
  COUNCIL_MEMBER: "geekblue",
  PLANNER: "green",
  DEPUTY: "magenta",
  DEPARTMENT_HANDLER: "orange",
};

export function GrantItem({ grant }: { grant: GrantInfoFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeFailure();
  const formatDateTime = useFormatDateTime();
  const [state, revoke] = useAppMutation(RevokeRoleDocument);
  const [editingProfile, setEditingProfile] = useState(false);
  const profile = grant.account.deputyProfile;
  const name = grant.account.realName || grant.account.displayName;
  const scope = grant.council?.name ?? grant.department?.name ?? grant.post?.name ?? grant.area.name;

  const confirm = async () => {
    const outcome = await revoke({ id: grant.id });
    if (outcome.error) message.error(describe(outcome.error));
    else message.success(t("roles.revoked", { name, role: t(`role.${grant.role}`) }));
  };

  return (
    <Card size="small" className="grant-item" data-testid="grant-item">
      <Flex justify="space-between" gap={12} wrap align="center">
        <div>
          <Flex gap={8} wrap align="center">
            <Typography.Text strong className="person-name">
              {name}
            </Typography.Text>
            <Tag color={ROLE_COLORS[grant.role]}>{t(`role.${grant.role}`)}</Tag>
            <Typography.Text>{scope}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary">
            {grant.account.phone && `${grant.account.phone} · `}
            {t("roles.grantedAt", { time: formatDateTime(grant.grantedAt) })}
          </Typography.Text>
          {grant.role === "DEPUTY" && (
            <div>
              <Typography.Text type={profile ? "secondary" : "warning"} className="deputy-profile-status">
                {profile
                  ? t("roles.deputyProfileShown", { name: profile.name, title: profile.title })
                  : t("roles.deputyProfileMissing")}
              </Typography.Text>
            </div>
          )}
        </div>
        <Flex gap={8} wrap>
          {grant.role === "DEPUTY" && (
            <Button icon={<IdcardOutlined />} onClick={() => setEditingProfile(true)}>
              {t("roles.deputyProfile")}
            </Button>
          )}
          <Popconfirm
            title={t("roles.confirmRevoke", { name, role: t(`role.${grant.role}`) })}
            okText={t("roles.revoke")}
            okButtonProps={{ danger: true }}
            cancelText={t("common.cancel")}
            onConfirm={confirm}
          >
            <Button danger icon={<DeleteOutlined />} loading={state.fetching}>
              {t("roles.revoke")}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
      {editingProfile && (
        <DeputyProfileDialog
          accountId={grant.account.id}
          personName={name}
          initial={profile ?? { name: grant.account.realName ?? "", title: "", bio: null }}
          onClose={() => setEditingProfile(false)}
        />
      )}
    </Card>
  );
}
