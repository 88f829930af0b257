import { invalid } from "../../errors.js";

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Accepts "138 0013 8000", "+86 138-0013-8000" …; returns the 11 digits or a VALIDATION error. */
export function normalisePhone(input: string, field = "phone"): string {
  let digits = input.replace(/[\s\-()]/g, "");
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (digits.startsWith("0086")) digits = digits.slice(4);
  if (!MAINLAND_MOBILE.test(digits)) throw invalid(field, "请输入正确的11位手机号码");
  return digits;
}
