import { describe, expect, it } from "vitest";
import { addDays } from "../values/period.js";
import { type ReviewBurstOptions, reviewBurst, safeReviewBurst } from "./reviewBurst.js";

const us = { id: "us", currency: "USD", timeZone: "America/Los_Angeles" };
const options: ReviewBurstOptions = { stores: [us], period: { start: "2026-03-01", end: "2026-03-31" } };

let next = 0;
/** n five-star reviews of store `store` at the given instant. */
const reviews = (n: number, createdAt: string, store = "us") =>
  Array.from({ length: n }, () => ({ store, reviewId: `RV-${next++}`, createdAt, stars: 5 }));

/** Two reviews at noon (PST/PDT) on every day of March 2026. */
const steady = Array.from({ length: 31 }, (_, i) => addDays("2026-03-01", i)).flatMap((day) =>
  reviews(2, `${day}T12:00:00${day < "2026-03-08" ? "-08:00" : "-07:00"}`),
);

describe("reviewBurst", () => {
  it("fires on a day with more than k × the median day and at least minReviews", () => {
    // Median of 30 days of 2 and one of 2 + 38 = 40 is 2; 40 > 5 × 2 and 40 ≥ 10. Alert: 40 ≥ 20 and 40 > 20.
    const rows = [...steady, ...reviews(38, "2026-03-14T12:00:00-07:00")];
    expect(reviewBurst({ reviews: rows }, options)).toEqual([
      {
        signal: "review-burst",
        severity: "alert",
        store: "us",
        period: { start: "2026-03-14", end: "2026-03-14" },
        params: { date: "2026-03-14", reviews: 40, median: "2", k: "5", minReviews: 10, days: 31 },
        message:
          "Store us received 40 reviews on 2026-03-14, more than 5 × the median day of the period (2).",
      },
    ]);
  });

  it("is a warning below twice the trigger; does not fire at exactly k × the median", () => {
    // 11 > 10 (warning: not ≥ 20); 10 is not above 5 × 2.
    const rows = [
      ...steady,
      ...reviews(9, "2026-03-20T12:00:00-07:00"),
      ...reviews(8, "2026-03-21T12:00:00-07:00"),
    ];
    const signals = reviewBurst({ reviews: rows }, options);
    expect(signals.map((s) => [s.params.date, s.params.reviews, s.severity])).toEqual([
      ["2026-03-20", 11, "warning"],
    ]);
  });

  it("needs minReviews even when the median is 0", () => {
    // One day of 9 reviews, none on the other days: median 0, yet 9 < 10.
    expect(reviewBurst({ reviews: reviews(9, "2026-03-05T12:00:00-08:00") }, options)).toEqual([]);
    const [signal] = reviewBurst({ reviews: reviews(12, "2026-03-05T12:00:00-08:00") }, options);
    expect(signal?.params).toMatchObject({ reviews: 12, median: "0" });
    expect(
      reviewBurst({ reviews: reviews(9, "2026-03-05T12:00:00-08:00") }, { ...options, minReviews: 5 }),
    ).toHaveLength(1);
  });

  it("takes the mean of the two middle days for an even number of days", () => {
    // Days of 1, 2, 30, 0 reviews: median (1 + 2) ÷ 2 = 1.5; 30 > 7.5 with k 5; not with k 20 (30 = 20 × 1.5).
    const rows = [
      ...reviews(1, "2026-03-01T12:00:00-08:00"),
      ...reviews(2, "2026-03-02T12:00:00-08:00"),
      ...reviews(30, "2026-03-03T12:00:00-08:00"),
    ];
    const period = { start: "2026-03-01", end: "2026-03-04" };
    const [signal] = reviewBurst({ reviews: rows }, { ...options, period });
    expect(signal?.params).toMatchObject({ date: "2026-03-03", median: "1.5", days: 4 });
    expect(reviewBurst({ reviews: rows }, { ...options, period, k: 20 })).toEqual([]);
    expect(reviewBurst({ reviews: rows }, { ...options, period, k: "19.9" })).toHaveLength(1);
  });

  it("counts on the store's local day, once per review id, only inside the period", () => {
    // 2026-03-15T06:30Z is 23:30 PDT on 14 March (after the 8 March DST change).
    const late = reviews(12, "2026-03-15T06:30:00Z");
    const repeated = [...late, ...late];
    const outside = reviews(50, "2026-04-01T12:00:00-07:00");
    const signals = reviewBurst({ reviews: [...repeated, ...outside] }, options);
    expect(signals.map((s) => [s.params.date, s.params.reviews])).toEqual([["2026-03-14", 12]]);
  });

  it("orders by the stores as listed, then day; writes zh-CN messages", () => {
    const sg = { id: "sg", currency: "SGD", timeZone: "Asia/Singapore" };
    const rows = [
      ...reviews(15, "2026-03-20T12:00:00-07:00"),
      ...reviews(15, "2026-03-02T12:00:00-08:00"),
      // 2026-03-09T16:30Z is 00:30 on 10 March in Singapore.
      ...reviews(10, "2026-03-09T16:30:00Z", "sg"),
    ];
    const signals = reviewBurst({ reviews: rows }, { ...options, stores: [sg, us], locale: "zh-CN" });
    expect(signals.map((s) => [s.store, s.params.date])).toEqual([
      ["sg", "2026-03-10"],
      ["us", "2026-03-02"],
      ["us", "2026-03-20"],
    ]);
    expect(signals[0]?.message).toBe("店铺 sg 在 2026-03-10 收到 10 条评价，超过期间日中位数 0 的 5 倍。");
  });

  it("options-invalid: k of 0, minReviews of 0, a cycle, a period longer than 3,660 days", () => {
    for (const bad of [
      { k: 0 },
      { minReviews: 0 },
      { cycle: "monthly" },
      { period: { start: "2020-01-01", end: "2030-12-31" } },
    ]) {
      const result = safeReviewBurst({ reviews: [] }, { ...options, ...bad } as ReviewBurstOptions);
      expect(result.success ? null : result.error.code).toBe("options-invalid");
    }
  });

  it("input-invalid: six stars, a review without an id", () => {
    const result = safeReviewBurst(
      {
        reviews: [
          { ...reviews(1, "2026-03-02T12:00:00-08:00")[0], stars: 6 },
          { store: "us", createdAt: "2026-03-02T12:00:00Z", stars: 1 },
        ],
      },
      options,
    );
    expect(result.success ? null : result.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["too_big", "reviews.0.stars"],
      ["invalid_type", "reviews.1.reviewId"],
    ]);
    expect(safeReviewBurst({ reviews: [] }, options)).toEqual({ success: true, data: [] });
  });
});
