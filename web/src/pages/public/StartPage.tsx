import { Navigate } from "react-router";
import { useViewer } from "../../session/ViewerProvider";

/** Where a person lands after signing in: staff at their work queue, everyone else at home. */
export function StartPage() {
  const { viewer } = useViewer();
  if (!viewer.signedIn) return <Navigate to="/sign-in" replace />;
  return <Navigate to={viewer.isStaff ? "/admin/people" : "/me/home"} replace />;
}
