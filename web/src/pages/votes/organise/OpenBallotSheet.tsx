import { Table, Tag } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useFormatDateTime } from "../../../components/format";
import { graphql } from "../../../gql";

const OpenBallotsDocument = graphql(`
  query OpenBallots($id: ID!) {
    vote(id: $id) {
      id
      openBallots {
        voter
        choices
        channel
        lastCastAt
      }
    }
  }
`);

/**
 * 记名表决的投票明细: who chose what, for the organisers and the council (the server answers null
 * for secret ballots and for anyone else). Re-read whenever the live count moves.
 */
export function OpenBallotSheet({ voteId, version }: { voteId: string; version: number | null }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [{ data, fetching }, reexecute] = useQuery({ query: OpenBallotsDocument, variables: { id: voteId } });
  useEffect(() => {
    if (version !== null) reexecute({ requestPolicy: "network-only" });
  }, [version, reexecute]);
  const rows = data?.vote?.openBallots;
  if (!rows) return null;
  return (
    <Table
      size="small"
      loading={fetching}
      rowKey={(row) => `${row.voter}·${row.lastCastAt}`}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t("votes.sheet.empty") }}
      data-testid="open-ballot-sheet"
      columns={[
        { title: t("votes.sheet.voter"), dataIndex: "voter" },
        { title: t("votes.sheet.choice"), render: (_, row) => row.choices.join("、") },
        {
          title: t("votes.sheet.channel"),
          render: (_, row) => <Tag>{t(`votes.sheet.channelName.${row.channel === "PAPER" ? "PAPER" : "ONLINE"}`)}</Tag>,
        },
        { title: t("votes.sheet.time"), render: (_, row) => formatDateTime(row.lastCastAt) },
      ]}
    />
  );
}
