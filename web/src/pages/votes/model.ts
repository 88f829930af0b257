import type { TallyFieldsFragment, VoteStatus } from "../../gql/graphql";

/** Money from the server (fen, integers) as people read it: "¥85,000" or "¥1,234.50". */
export function formatYuan(fen: number, language: string): string {
  return new Intl.NumberFormat(language === "en" ? "en" : "zh-CN", {
    style: "currency",
    currency: "CNY",
    minimumFractionDigits: fen % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(fen / 100);
}

/** "66.7%": one decimal, rounded down like the server's rule lines, so a figure never overstates. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return "0%";
  return `${Math.floor((part * 1000) / whole) / 10}%`;
}

const STATUS_ORDER: Record<VoteStatus, number> = {
  DRAFT: 0,
  SCHEDULED: 1,
  OPEN: 2,
  CLOSED: 3,
  PUBLISHED: 4,
  CANCELLED: 4,
};

/**
 * The snapshot to show of two. Snapshots can arrive out of order (several server instances):
 * the higher `version` (casts so far) wins; at the same version a later status wins (closing
 * does not add a cast); otherwise the later computation.
 */
export function newerTally<T extends Pick<TallyFieldsFragment, "version" | "status" | "computedAt">>(
  a: T | null | undefined,
  b: T | null | undefined,
): T | null {
  if (!a) return b ?? null;
  if (!b) return a;
  if (a.version !== b.version) return a.version > b.version ? a : b;
  if (STATUS_ORDER[a.status] !== STATUS_ORDER[b.status]) return STATUS_ORDER[a.status] > STATUS_ORDER[b.status] ? a : b;
  return Date.parse(b.computedAt) >= Date.parse(a.computedAt) ? b : a;
}

export type VoteOutcome = "PASSED" | "NOT_PASSED" | "NO_QUORUM" | "DECIDED" | "TIE";

/** The stored result of a closed vote (the `result` JSON), as the server's rules.ts writes it. */
export interface VoteResultData {
  rule: string;
  ballotType: string;
  outcome: VoteOutcome;
  summary: string;
  rollSize: number;
  /** 0.01 m². */
  rollFloorArea: number;
  participants: number;
  /** 0.01 m². */
  participantFloorArea: number;
  quorumPercent: number;
  checks: { label: string; met: boolean }[];
  options: { optionId: number; label: string; count: number; floorArea: number; costFen?: number | null }[];
  winners: number[];
  allocation?: { optionId: number; costFen: number }[];
  remainingFen?: number;
  rounds?: { counts: Record<string, number>; eliminated: number | null }[];
}

const OUTCOMES: readonly VoteOutcome[] = ["PASSED", "NOT_PASSED", "NO_QUORUM", "DECIDED", "TIE"];

/** Reads the JSON defensively: a result this client does not understand shows nothing rather than nonsense. */
export function parseResult(value: unknown): VoteResultData | null {
  if (!value || typeof value !== "object") return null;
  const result = value as Partial<VoteResultData>;
  if (!OUTCOMES.includes(result.outcome as VoteOutcome) || !Array.isArray(result.options)) return null;
  return {
    rule: String(result.rule ?? ""),
    ballotType: String(result.ballotType ?? ""),
    outcome: result.outcome as VoteOutcome,
    summary: String(result.summary ?? ""),
    rollSize: Number(result.rollSize ?? 0),
    rollFloorArea: Number(result.rollFloorArea ?? 0),
    participants: Number(result.participants ?? 0),
    participantFloorArea: Number(result.participantFloorArea ?? 0),
    quorumPercent: Number(result.quorumPercent ?? 0),
    checks: Array.isArray(result.checks) ? result.checks : [],
    options: result.options,
    winners: Array.isArray(result.winners) ? result.winners : [],
    allocation: Array.isArray(result.allocation) ? result.allocation : undefined,
    remainingFen: typeof result.remainingFen === "number" ? result.remainingFen : undefined,
    rounds: Array.isArray(result.rounds) ? result.rounds : undefined,
  };
}

/** Statuses in which a person may still cast or change a ballot. */
export const isOpen = (status: VoteStatus) => status === "OPEN";
export const isOver = (status: VoteStatus) => status === "CLOSED" || status === "PUBLISHED";
