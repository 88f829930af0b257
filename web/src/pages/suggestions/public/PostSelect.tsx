import { Select, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { PostChoice } from "./usePostChoices";

const KIND_COLORS = { HOME: "red", STATION: "blue", POINT: "cyan" } as const;

interface PostSelectProps {
  posts: readonly PostChoice[];
  value?: string | null;
  onChange?(value: string | null): void;
  placeholder?: string;
  allowClear?: boolean;
  loading?: boolean;
  id?: string;
  "aria-label"?: string;
  className?: string;
  size?: "middle" | "large";
}

/** A 家站点 post, chosen from the tree shown indented (代表之家 › 联络站 › 联系点); searchable by name. */
export function PostSelect({
  posts,
  value,
  onChange,
  placeholder,
  allowClear,
  loading,
  id,
  size = "large",
  ...rest
}: PostSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      aria-label={rest["aria-label"]}
      className={rest.className}
      size={size}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={loading}
      showSearch={{ optionFilterProp: "title" }}
      popupMatchSelectWidth={false}
      options={posts.map((post) => ({
        value: post.id,
        title: post.name,
        label: (
          <span className={`post-option post-option-depth-${post.depth}`}>
            <Tag color={KIND_COLORS[post.kind]} className="post-option-kind">
              {t(`postKind.${post.kind}`)}
            </Tag>
            {post.name}
          </span>
        ),
      }))}
    />
  );
}
