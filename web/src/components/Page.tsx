import { Typography } from "antd";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

interface PageProps {
  title: string;
  description?: ReactNode;
  /** Actions beside the title (wraps under it on phones). */
  extra?: ReactNode;
  children: ReactNode;
}

export function Page({ title, description, extra, children }: PageProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);
  return (
    <section className="page">
      <header className="page-header">
        <div className="page-heading">
          <Typography.Title level={2} className="page-title">
            {title}
          </Typography.Title>
          {description && (
            <Typography.Paragraph type="secondary" className="page-description">
              {description}
            </Typography.Paragraph>
          )}
        </div>
        {extra && <div className="page-extra">{extra}</div>}
      </header>
      {children}
    </section>
  );
}
