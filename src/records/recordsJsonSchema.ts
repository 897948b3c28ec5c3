import * as z from "zod";
import { describeInput } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { RECORD_SOURCES, type RecordSource, recordSchemas } from "./recordSchemas.js";

/**
 * Returns the JSON Schema (draft 2020-12, input side) of one kind of raw row, for ERPs written in
 * other languages. Money fields accept a decimal string or a number; timestamps carry a pattern.
 * Checks a JSON Schema cannot state (a real calendar date, a known currency, no more fraction digits
 * than the currency allows) are made by the zod schema and reported as `malformed` rows.
 *
 * @param kind - the row kind: `orders`, `refunds`, `ads`, `reviews`, `inventory` or `traffic`
 * @returns a fresh JSON Schema object
 * @throws {@link KpiContractError} `records-kind-unknown` (params `{ kind }`) for another kind
 * @example
 * ```ts
 * const schema = recordsJsonSchema("orders");
 * schema.required; // ["store", "orderId", "sku", "purchasedAt", "status", "quantity", "itemPrice", "currency"]
 * ```
 */
export function recordsJsonSchema(kind: RecordSource): Record<string, unknown> {
  if (typeof kind !== "string" || !RECORD_SOURCES.includes(kind)) {
    throw new KpiContractError(
      "records-kind-unknown",
      `Unknown row kind ${describeInput(kind)}: use one of ${RECORD_SOURCES.join(", ")}`,
      { kind },
    );
  }
  return z.toJSONSchema(recordSchemas[kind], { target: "draft-2020-12", io: "input" }) as Record<
    string,
    unknown
  >;
}
