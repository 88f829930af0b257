import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { useViewer } from "../session/ViewerProvider";

/** Sends signed-out visitors to sign in, and back here afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { viewer } = useViewer();
  const location = useLocation();
  if (!viewer.signedIn) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

/** For pages that need a role: explains, instead of showing an empty page. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const navigate = useNavigate();
  return (
    <RequireSignIn>
      {viewer.isStaff ? (
        children
      ) : (
        <Result
          status="403"
          title={t("auth.staffOnly")}
          subTitle={t("auth.staffOnlyHint")}
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
