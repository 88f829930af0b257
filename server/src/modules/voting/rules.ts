import type { BallotType, ThresholdRule } from "../../generated/prisma/client.js";

// Counting rules, as pure functions over counts: exact integer arithmetic only (no floats
// anywhere a vote could be decided by rounding), so the same ballots always give the same result.

export interface OptionCount {
  optionId: number;
  label: string;
  /** Ballots choosing it (first preferences for ranked ballots). */
  count: number;
  /** Floor area of those ballots, 0.01 m² (household votes). */
  floorArea: number;
  costFen?: number | null;
}

export interface CountInput {
  ballotType: BallotType;
  threshold: ThresholdRule;
  quorumPercent: number;
  rollSize: number;
  rollFloorArea: number;
  participants: number;
  participantFloorArea: number;
  options: OptionCount[];
  /** Participatory budget: the money to allocate. */
  budgetFen?: number | null;
  /** Ranked ballots: each ballot's option ids in preference order. */
  rankings?: number[][];
}

export type Outcome = "PASSED" | "NOT_PASSED" | "NO_QUORUM" | "DECIDED" | "TIE";

export interface Check {
  /** What is measured, in words a resident reads on the projector. */
  label: string;
  value: number;
  /** The value needed (inclusive unless `strict`). */
  required: number;
  strict?: boolean;
  met: boolean;
}

export interface CountResult {
  rule: ThresholdRule;
  ballotType: BallotType;
  rollSize: number;
  rollFloorArea: number;
  participants: number;
  participantFloorArea: number;
  quorumPercent: number;
  quorumMet: boolean;
  checks: Check[];
  options: OptionCount[];
  outcome: Outcome;
  /** Winning option ids: the elected choice(s), or the funded projects. */
  winners: number[];
  /** Budget ballots: funded projects and the money left. */
  allocation?: { optionId: number; costFen: number }[];
  remainingFen?: number;
  /** Ranked ballots: the instant-runoff rounds. */
  rounds?: { counts: Record<number, number>; eliminated: number | null }[];
  summary: string;
}

/** a/b ≥ num/den, exactly. */
const atLeast = (a: number, b: number, num: number, den: number) => a * den >= b * num;

function fmtArea(centiSqm: number): string {
  return `${(centiSqm / 100).toFixed(2)}㎡`;
}

function percent(a: number, b: number): string {
  return b === 0 ? "0%" : `${Math.floor((a * 1000) / b) / 10}%`;
}

/** Minimum whole participants for a quorum of p% of n. */
export function quorumNeeded(percentRequired: number, rollSize: number): number {
  return Math.ceil((percentRequired * rollSize) / 100);
}

/** The live "progress" lines: what the rule needs and where the count stands now. */
export function ruleChecks(input: CountInput): Check[] {
  const checks: Check[] = [];
  const { rollSize, participants } = input;
  if (input.quorumPercent > 0) {
    const needed = quorumNeeded(input.quorumPercent, rollSize);
    checks.push({
      label: `参与 ${participants}/${rollSize}，需 ${needed}`,
      value: participants,
      required: needed,
      met: participants >= needed,
    });
  }
  if (input.ballotType !== "YES_NO_ABSTAIN") return checks;
  const yes = input.options[0];
  const yesCount = yes?.count ?? 0;
  const yesArea = yes?.floorArea ?? 0;
  switch (input.threshold) {
    case "SIMPLE_MAJORITY": {
      // 过半数: more than half of those who took part (abstentions count as taking part).
      const needed = Math.floor(participants / 2) + 1;
      checks.push({
        label: `赞成 ${yesCount}，需超过参与人数的一半（${needed}）`,
        value: yesCount,
        required: needed,
        met: participants > 0 && yesCount * 2 > participants,
      });
      break;
    }
    case "TWO_THIRDS": {
      const needed = Math.ceil((participants * 2) / 3);
      checks.push({
        label: `赞成 ${yesCount}，需参与人数的三分之二以上（${needed}）`,
        value: yesCount,
        required: needed,
        met: participants > 0 && atLeast(yesCount, participants, 2, 3),
      });
      break;
    }
    case "CIVIL_CODE_278": {
      // 民法典 第二百七十八条: 双三分之二参与，参与者双四分之三同意.
      const rollArea = input.rollFloorArea;
      const partArea = input.participantFloorArea;
      const householdsNeeded = Math.ceil((rollSize * 2) / 3);
      checks.push({
        label: `参与户数 ${participants}/${rollSize}，需 ${householdsNeeded}`,
        value: participants,
        required: householdsNeeded,
        met: atLeast(participants, rollSize, 2, 3),
      });
      checks.push({
        label: `参与面积 ${fmtArea(partArea)}/${fmtArea(rollArea)}（${percent(partArea, rollArea)}），需三分之二以上`,
        value: partArea,
        required: Math.ceil((rollArea * 2) / 3),
        met: atLeast(partArea, rollArea, 2, 3),
      });
      checks.push({
        label: `赞成户数 ${yesCount}/${participants}，需参与户数的四分之三以上（${Math.ceil((participants * 3) / 4)}）`,
        value: yesCount,
        required: Math.ceil((participants * 3) / 4),
        met: participants > 0 && atLeast(yesCount, participants, 3, 4),
      });
      checks.push({
        label: `赞成面积占比 ${percent(yesArea, partArea)}，需参与面积的四分之三以上`,
        value: yesArea,
        required: Math.ceil((partArea * 3) / 4),
        met: partArea > 0 && atLeast(yesArea, partArea, 3, 4),
      });
      break;
    }
  }
  return checks;
}

/** Instant-runoff: eliminate the weakest until one option holds a majority of continuing ballots. */
export function instantRunoff(
  optionIds: number[],
  rankings: number[][],
): { winner: number | null; rounds: NonNullable<CountResult["rounds"]> } {
  const alive = new Set(optionIds);
  const rounds: NonNullable<CountResult["rounds"]> = [];
  while (alive.size > 0) {
    const counts: Record<number, number> = {};
    for (const id of alive) counts[id] = 0;
    let continuing = 0;
    for (const ranking of rankings) {
      const top = ranking.find((id) => alive.has(id));
      if (top !== undefined) {
        counts[top] = (counts[top] ?? 0) + 1;
        continuing++;
      }
    }
    const ordered = [...alive].sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b);
    const leader = ordered[0] as number;
    if (continuing === 0) {
      rounds.push({ counts, eliminated: null });
      return { winner: null, rounds };
    }
    if ((counts[leader] ?? 0) * 2 > continuing || alive.size === 1) {
      rounds.push({ counts, eliminated: null });
      return { winner: leader, rounds };
    }
    // A tie for last place eliminates one option: the one listed last (highest id) among them, a
    // fixed rule stated before the vote rather than a random draw.
    const last = ordered[ordered.length - 1] as number;
    alive.delete(last);
    rounds.push({ counts, eliminated: last });
  }
  return { winner: null, rounds };
}

/** The final count: applies the vote's rule and says, in words, what was decided and why. */
/**
 * A participatory budget's allocation: most approvals first (ties by option id, the order they
 * were listed in), funding each project that still fits in what is left. Used at close, and live
 * for "funded if it closed now". `remaining` is null when the vote has no budget cap.
 */
export function allocateBudget(
  options: readonly Pick<OptionCount, "optionId" | "costFen" | "count">[],
  budgetFen: number | null | undefined,
): { allocation: { optionId: number; costFen: number }[]; remaining: number | null } {
  let remaining = budgetFen ?? Number.MAX_SAFE_INTEGER;
  const allocation: { optionId: number; costFen: number }[] = [];
  const ranked = options.filter((o) => o.count > 0).sort((a, b) => b.count - a.count || a.optionId - b.optionId);
  for (const option of ranked) {
    const cost = option.costFen ?? 0;
    if (cost <= remaining) {
      allocation.push({ optionId: option.optionId, costFen: cost });
      remaining -= cost;
    }
  }
  return { allocation, remaining: budgetFen == null ? null : remaining };
}

export function countVote(input: CountInput): CountResult {
  const checks = ruleChecks(input);
  const quorumMet =
    input.quorumPercent === 0 || input.participants >= quorumNeeded(input.quorumPercent, input.rollSize);
  const base = {
    rule: input.threshold,
    ballotType: input.ballotType,
    rollSize: input.rollSize,
    rollFloorArea: input.rollFloorArea,
    participants: input.participants,
    participantFloorArea: input.participantFloorArea,
    quorumPercent: input.quorumPercent,
    quorumMet,
    checks,
    options: input.options,
  };
  if (!quorumMet) {
    return { ...base, outcome: "NO_QUORUM", winners: [], summary: `未达到法定参与人数：${checks[0]?.label ?? ""}` };
  }
  switch (input.ballotType) {
    case "YES_NO_ABSTAIN": {
      const passed = checks.every((check) => check.met);
      const failed = checks.filter((check) => !check.met).map((check) => check.label);
      return {
        ...base,
        outcome: passed ? "PASSED" : "NOT_PASSED",
        winners: passed && input.options[0] ? [input.options[0].optionId] : [],
        summary: passed ? `通过。${checks.map((c) => c.label).join("；")}` : `未通过。${failed.join("；")}`,
      };
    }
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const top = Math.max(0, ...input.options.map((o) => o.count));
      const leaders = input.options.filter((o) => o.count === top && top > 0);
      const tie = leaders.length > 1;
      return {
        ...base,
        outcome: top === 0 ? "NOT_PASSED" : tie ? "TIE" : "DECIDED",
        winners: leaders.map((o) => o.optionId),
        summary:
          top === 0
            ? "无有效选票"
            : tie
              ? `并列最高票（${top}票）：${leaders.map((o) => o.label).join("、")}`
              : `「${leaders[0]?.label}」得票最多（${top}票）`,
      };
    }
    case "BUDGET": {
      const { allocation, remaining } = allocateBudget(input.options, input.budgetFen);
      const labels = allocation.map((a) => input.options.find((o) => o.optionId === a.optionId)?.label).join("、");
      return {
        ...base,
        outcome: allocation.length ? "DECIDED" : "NOT_PASSED",
        winners: allocation.map((a) => a.optionId),
        allocation,
        remainingFen: remaining ?? undefined,
        summary: allocation.length ? `入选项目：${labels}` : "无项目入选",
      };
    }
    case "RANKED": {
      const { winner, rounds } = instantRunoff(
        input.options.map((o) => o.optionId),
        input.rankings ?? [],
      );
      const label = input.options.find((o) => o.optionId === winner)?.label;
      return {
        ...base,
        outcome: winner === null ? "NOT_PASSED" : "DECIDED",
        winners: winner === null ? [] : [winner],
        rounds,
        summary: winner === null ? "无有效选票" : `经 ${rounds.length} 轮即时复选，「${label}」当选`,
      };
    }
  }
}
