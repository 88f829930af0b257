import { Alert } from "antd";
import type { AppFailure } from "../graphql/outcome";
import { useDescribeFailure } from "./failure";

/** A failure that belongs to no single field, shown above a form's buttons. */
export function FormFailure({ failure }: { failure: AppFailure | null }) {
  const describe = useDescribeFailure();
  if (!failure) return null;
  return <Alert type="error" showIcon title={describe(failure)} className="form-failure" role="alert" />;
}
