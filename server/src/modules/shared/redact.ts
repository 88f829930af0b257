import { maskPhone } from "../../logger.js";

// Personal numbers written into free text (a suggestion's content, a place, a reply) by people who
// meant well: "请联系我 13800000002". Public text shows them masked, the way operators see phones in
// the logs; the people handling the case still read the original.

/** 18-digit resident ID (the last may be X) or the old 15-digit one, not part of a longer number. */
const ID_CARD = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
/** Mainland mobile, also written 138 0000 0002 or 138-0000-0002, optionally after +86. */
const MOBILE = /(?<![\dA-Za-z])(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?![\dA-Za-z])/g;

/** 13812345678 → 138****5678; 310101199001011234 → 310***********1234. Other text unchanged. */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(ID_CARD, (id: string) => `${id.slice(0, 3)}${"*".repeat(id.length - 7)}${id.slice(-4)}`)
    .replace(MOBILE, (_whole: string, head: string, middle: string, tail: string) =>
      maskPhone(`${head}${middle}${tail}`),
    );
}
