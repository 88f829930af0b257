import { describe, expect, it } from "vitest";
import { maskPersonalNumbers } from "./redact.js";

describe("maskPersonalNumbers", () => {
  it("masks mainland mobiles however they are written", () => {
    expect(maskPersonalNumbers("请联系我13800000002，谢谢")).toBe("请联系我138****0002，谢谢");
    expect(maskPersonalNumbers("电话 138 0000 0003 或 139-1234-5678")).toBe("电话 138****0003 或 139****5678");
    expect(maskPersonalNumbers("+86 13700000004")).toBe("137****0004");
  });

  it("masks 18- and 15-digit ID-card numbers", () => {
    expect(maskPersonalNumbers("身份证310101199001011234")).toBe("身份证310***********1234");
    expect(maskPersonalNumbers("身份证 11010119900101123X 号")).toBe("身份证 110***********123X 号");
    expect(maskPersonalNumbers("旧证310101900101123")).toBe("旧证310********1123");
  });

  it("leaves other numbers alone", () => {
    const text = "2025年10月1日起，3号楼502室，12345热线，订单12345678901，1234567890123456789，021-58881234";
    expect(maskPersonalNumbers(text)).toBe(text);
  });
});
