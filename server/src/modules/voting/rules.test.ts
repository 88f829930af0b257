import { describe, expect, it } from "vitest";
import { allocateBudget, type CountInput, countVote, instantRunoff, quorumNeeded } from "./rules.js";

const yesNo = (yes: [number, number], no: [number, number], abstain: [number, number] = [0, 0]) => [
  { optionId: 1, label: "赞成", count: yes[0], floorArea: yes[1] },
  { optionId: 2, label: "反对", count: no[0], floorArea: no[1] },
  { optionId: 3, label: "弃权", count: abstain[0], floorArea: abstain[1] },
];

function input(overrides: Partial<CountInput>): CountInput {
  const options = overrides.options ?? yesNo([0, 0], [0, 0]);
  const participants = options.reduce((sum, o) => sum + o.count, 0);
  const participantFloorArea = options.reduce((sum, o) => sum + o.floorArea, 0);
  return {
    ballotType: "YES_NO_ABSTAIN",
    threshold: "SIMPLE_MAJORITY",
    quorumPercent: 0,
    rollSize: 100,
    rollFloorArea: 100 * 9000,
    participants,
    participantFloorArea,
    options,
    ...overrides,
  };
}

describe("民法典 第二百七十八条 double majority", () => {
  // 60 households of 90 m² each: 40 must take part (2/3), with 2/3 of the area;
  // of those, 3/4 by number and by area must approve.
  const roll = { threshold: "CIVIL_CODE_278" as const, rollSize: 60, rollFloorArea: 60 * 9000 };

  it("passes at exactly two-thirds participation and three-quarters approval", () => {
    const result = countVote(input({ ...roll, options: yesNo([30, 30 * 9000], [10, 10 * 9000]) }));
    expect(result.outcome).toBe("PASSED");
    expect(result.checks.every((c) => c.met)).toBe(true);
    expect(result.checks[0]?.label).toBe("参与户数 40/60，需 40");
  });

  it("fails with one household too few taking part", () => {
    const result = countVote(input({ ...roll, options: yesNo([30, 30 * 9000], [9, 9 * 9000]) }));
    expect(result.outcome).toBe("NOT_PASSED");
    expect(result.summary).toContain("参与户数 39/60，需 40");
  });

  it("fails when enough households approve but not enough of the area", () => {
    // 31 small flats approve, 9 large ones oppose: 77.5% of households, under 3/4 of the area.
    const result = countVote(
      input({ ...roll, rollFloorArea: 31 * 5000 + 29 * 20000, options: yesNo([31, 31 * 5000], [9, 9 * 20000]) }),
    );
    expect(result.checks.find((c) => c.label.startsWith("赞成户数"))?.met).toBe(true);
    expect(result.checks.find((c) => c.label.startsWith("赞成面积"))?.met).toBe(false);
    expect(result.outcome).toBe("NOT_PASSED");
  });

  it("fails when enough households take part but not two-thirds of the area", () => {
    const result = countVote(
      input({ ...roll, rollFloorArea: 40 * 5000 + 20 * 30000, options: yesNo([40, 40 * 5000], [0, 0]) }),
    );
    expect(result.checks.find((c) => c.label.startsWith("参与面积"))?.met).toBe(false);
    expect(result.outcome).toBe("NOT_PASSED");
  });
});

describe("simple majority and two-thirds", () => {
  it("needs more than half of participants: a tie does not pass", () => {
    expect(countVote(input({ options: yesNo([5, 0], [5, 0]) })).outcome).toBe("NOT_PASSED");
    expect(countVote(input({ options: yesNo([6, 0], [5, 0]) })).outcome).toBe("PASSED");
  });

  it("counts abstentions as taking part", () => {
    expect(countVote(input({ options: yesNo([5, 0], [4, 0], [2, 0]) })).outcome).toBe("NOT_PASSED");
  });

  it("two-thirds passes at exactly 2/3 and fails just under", () => {
    expect(countVote(input({ threshold: "TWO_THIRDS", options: yesNo([20, 0], [10, 0]) })).outcome).toBe("PASSED");
    expect(countVote(input({ threshold: "TWO_THIRDS", options: yesNo([19, 0], [11, 0]) })).outcome).toBe("NOT_PASSED");
  });
});

describe("quorum", () => {
  it("rounds the needed participants up", () => {
    expect(quorumNeeded(50, 61)).toBe(31);
    expect(quorumNeeded(50, 60)).toBe(30);
  });

  it("reports NO_QUORUM whatever the approval", () => {
    const result = countVote(input({ quorumPercent: 50, rollSize: 61, options: yesNo([30, 0], [0, 0]) }));
    expect(result.outcome).toBe("NO_QUORUM");
    expect(result.summary).toContain("参与 30/61，需 31");
  });
});

describe("choice, budget and ranked ballots", () => {
  const options = [
    { optionId: 1, label: "口袋公园", count: 40, floorArea: 0, costFen: 30_000_000 },
    { optionId: 2, label: "无障碍坡道", count: 35, floorArea: 0, costFen: 8_500_000 },
    { optionId: 3, label: "充电棚", count: 30, floorArea: 0, costFen: 15_000_000 },
    { optionId: 4, label: "健身步道", count: 10, floorArea: 0, costFen: 5_000_000 },
  ];

  it("funds the most-approved projects that fit in the pool, skipping one that does not fit", () => {
    const result = countVote(input({ ballotType: "BUDGET", budgetFen: 45_000_000, options }));
    expect(result.allocation).toEqual([
      { optionId: 1, costFen: 30_000_000 },
      { optionId: 2, costFen: 8_500_000 },
      { optionId: 4, costFen: 5_000_000 },
    ]);
    expect(result.remainingFen).toBe(1_500_000);
  });

  it("funds every approved project when there is no pool, and has no remainder to report", () => {
    const { allocation, remaining } = allocateBudget(
      [...options, { optionId: 5, label: "凉亭", count: 0, floorArea: 0, costFen: 1_000_000 }],
      null,
    );
    expect(allocation.map((a) => a.optionId)).toEqual([1, 2, 3, 4]);
    expect(remaining).toBeNull();
  });

  it("reports a tie for the most votes rather than picking one", () => {
    const [park, ramp] = options as [(typeof options)[number], (typeof options)[number]];
    const result = countVote(input({ ballotType: "SINGLE_CHOICE", options: [park, { ...ramp, count: 40 }] }));
    expect(result.outcome).toBe("TIE");
    expect(result.winners).toEqual([1, 2]);
  });

  it("elects by instant runoff when no first preference has a majority", () => {
    // A 4, B 3, C 2 first preferences; C's voters prefer B next: B wins in round 2.
    const rankings = [...Array(4).fill([1, 2, 3]), ...Array(3).fill([2, 1, 3]), ...Array(2).fill([3, 2, 1])];
    const { winner, rounds } = instantRunoff([1, 2, 3], rankings);
    expect(winner).toBe(2);
    expect(rounds).toHaveLength(2);
    expect(rounds[0]?.eliminated).toBe(3);
  });
});
