/** How a fact field adds up and converts: money is a decimal in the facts' currency, a count a whole number. */
export type FactFieldKind = "money" | "count";

/**
 * The plain (non-nested) fields of each fact group with their kind, in SPEC §2 order. `ads.attributed`
 * and `reviews.byStars` are keyed maps handled on their own; `inventory` pools by period, not by sum.
 */
export const FLAT_FIELDS = {
  sales: {
    orders: "count",
    units: "count",
    gross: "money",
    tax: "money",
    shipping: "money",
    cancelledOrders: "count",
    cancelledValue: "money",
    refunds: "money",
    refundsOnPeriodOrders: "money",
    refundedOrders: "count",
    returnedUnits: "count",
  },
  ads: { spend: "money", clicks: "count", impressions: "count" },
  traffic: { sessions: "count", pageViews: "count" },
  inventory: { openingUnits: "count", closingUnits: "count", openingValue: "money", closingValue: "money" },
  costs: { cogs: "money", platformFees: "money", fulfilmentFees: "money", other: "money" },
  listings: { inScope: "count", optimized: "count" },
  service: { inquiries: "count", answeredWithin24h: "count" },
} as const satisfies Record<string, Record<string, FactFieldKind>>;

/** The groups that hold only plain fields. */
export type FlatGroup = keyof typeof FLAT_FIELDS;

/** The fields of one attribution window. */
export const ATTRIBUTED_FIELDS = { sales: "money", orders: "count" } as const satisfies Record<
  string,
  FactFieldKind
>;

/** The star ratings a review can have. */
export const STARS = ["1", "2", "3", "4", "5"] as const;

/** A star rating key of `reviews.byStars`. */
export type Star = (typeof STARS)[number];

/** Attribution window keys as the facts schema accepts them. */
export const WINDOW_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
