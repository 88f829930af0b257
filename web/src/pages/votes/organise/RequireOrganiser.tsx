import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { RequireSignIn } from "../../../components/RequireSignIn";
import { useOrganiserScope } from "./scope";

/** Staff and council facilitators only; others are told why instead of seeing an empty page. */
export function RequireOrganiser({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const scope = useOrganiserScope();
  const navigate = useNavigate();
  return (
    <RequireSignIn>
      {scope.any ? (
        children
      ) : (
        <Result
          status="403"
          title={t("votes.organise.onlyOrganisers")}
          subTitle={t("votes.organise.onlyOrganisersHint")}
          extra={
            <Button type="primary" onClick={() => void navigate("/")}>
              {t("nav.home")}
            </Button>
          }
        />
      )}
    </RequireSignIn>
  );
}
