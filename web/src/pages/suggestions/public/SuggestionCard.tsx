import { EnvironmentOutlined, RightOutlined } from "@ant-design/icons";
import { Card, Flex, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../../gql";
import type { SuggestionCardFieldsFragment } from "../../../gql/graphql";
import { SuggestionStatusTag } from "../shared/SuggestionTags";
import { formatInstantDate } from "./model";

export const SuggestionCardFieldsFragmentDoc = graphql(`
  fragment SuggestionCardFields on Suggestion {
    ...SuggestionBadges
    title
    category
    place
    createdAt
    updatedAt
    area {
      id
      name
    }
    post {
      id
      name
    }
    replies {
      id
      round
      body
      createdAt
      department {
        id
        name
      }
    }
  }
`);

interface SuggestionCardProps {
  suggestion: SuggestionCardFieldsFragment;
  /** Shown above the title, e.g. "请评价". */
  banner?: ReactNode;
  /** The line under the title; the received date by default. */
  meta?: ReactNode;
  highlighted?: boolean;
  /** Where the card leads; the suggestion's page by default. */
  to?: string;
  testId?: string;
}

/** One suggestion in a list: status, category, title, where, when, and the latest reply's first lines. */
export function SuggestionCard({ suggestion, banner, meta, highlighted, to, testId }: SuggestionCardProps) {
  const { t, i18n } = useTranslation();
  const reply = suggestion.replies.at(-1);
  return (
    <Link to={to ?? `/suggestions/${suggestion.id}`} className="suggestion-card-link" data-testid={testId}>
      <Card size="small" hoverable className={`suggestion-card${highlighted ? " is-highlighted" : ""}`}>
        <Flex justify="space-between" align="center" gap={12}>
          <Flex vertical gap={6} className="suggestion-card-main">
            {banner}
            <Flex gap={6} align="center" wrap>
              <SuggestionStatusTag status={suggestion.status} />
              <Tag className="category-tag">{t(`suggestion.category.${suggestion.category}`)}</Tag>
              {suggestion.supervised && <Tag color="volcano">{t("suggestion.supervised")}</Tag>}
            </Flex>
            <Typography.Text strong className="suggestion-card-title">
              {suggestion.title}
            </Typography.Text>
            <Typography.Text type="secondary" className="suggestion-card-where">
              <EnvironmentOutlined aria-hidden /> {suggestion.area.name}
              {suggestion.place ? ` · ${suggestion.place}` : ""}
            </Typography.Text>
            <Typography.Text type="secondary" className="suggestion-card-meta">
              {meta ??
                t("suggestResident.card.received", {
                  date: formatInstantDate(suggestion.createdAt, i18n.language),
                  post: suggestion.post.name,
                })}
            </Typography.Text>
            {reply && (
              // The padding sits on a wrapper: on the clamped paragraph it would show a third line.
              <div className="suggestion-card-reply">
                <Typography.Paragraph ellipsis={{ rows: 2 }}>
                  <strong>
                    {reply.department
                      ? t("suggestResident.card.replyFrom", { department: reply.department.name })
                      : t("suggestResident.card.replyFromDeputy")}
                  </strong>
                  {reply.body}
                </Typography.Paragraph>
              </div>
            )}
          </Flex>
          <RightOutlined aria-hidden className="suggestion-card-arrow" />
        </Flex>
      </Card>
    </Link>
  );
}
