import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, CLI_BUNDLE, REPO, runCli } from "./setup.js";

beforeAll(buildCli, 60_000);

const F = join(REPO, "test/cli/fixtures");
const STORE = ["--store", "us:USD:America/Los_Angeles"];
const work = mkdtempSync(join(tmpdir(), "kpi-cli-facts-"));
const run = (args: readonly string[]) => runCli(["facts", ...args], F);

/** A 90,000-row orders CSV of about 5 MB (over the 4 MB progress threshold). */
function bigCsv(): string {
  const big = join(work, "big.csv");
  if (existsSync(big)) return big;
  const header = "store,orderId,sku,purchasedAt,status,quantity,itemPrice,currency\n";
  const line = (i: number) => `us,${i},MUG-1,2026-03-01T09:00:00Z,shipped,1,19.99,USD\n`;
  writeFileSync(big, header + Array.from({ length: 90_000 }, (_, i) => line(i)).join(""));
  return big;
}

describe("kpi-contract facts", { timeout: 60_000 }, () => {
  it("aggregates CSV exports into period facts", () => {
    const r = run([
      "orders.csv",
      "--refunds",
      "refunds.csv",
      "--ads",
      "ads.csv",
      "--reviews",
      "reviews.csv",
      ...STORE,
      "--period",
      "2026-03",
    ]);
    expect(r.code).toBe(0);
    const [march] = JSON.parse(r.stdout);
    // Orders 113-1..113-3 and 113-5 (2026-04-01T06:59Z is 23:59 on 31 March in Los Angeles); 113-4 is cancelled.
    // gross 39.98 + 19.99 + 45.00 + 19.99 = 124.96; units 2 + 1 + 3 + 1 = 7.
    expect(march.sales).toMatchObject({
      orders: 4,
      units: 7,
      gross: "124.96",
      cancelledOrders: 1,
      cancelledValue: "15.00",
      refunds: "19.99",
    });
    // Nested ads columns: attributed.14d.sales 35.00 + 42.00 = 77.00; spend 10.00 + 12.50.
    expect(march.ads).toEqual({
      spend: "22.50",
      clicks: 45,
      impressions: 2200,
      attributed: { "7d": { sales: "70.00", orders: 3 }, "14d": { sales: "77.00", orders: 3 } },
    });
    expect(march.reviews.byStars).toEqual({ "1": 0, "2": 1, "3": 0, "4": 0, "5": 1 });
    expect(r.stderr).toBe(
      [
        "kpi-contract: orders.csv: 5 rows read, 5 counted, 0 rejected",
        "kpi-contract: refunds.csv: 1 row read, 1 counted, 0 rejected",
        "kpi-contract: ads.csv: 2 rows read, 2 counted, 0 rejected",
        "kpi-contract: reviews.csv: 2 rows read, 2 counted, 0 rejected",
        "",
      ].join("\n"),
    );
  });

  it("reads ads days without attributed cells as days with no attributed sales, spend kept", () => {
    // 2 March: spend 12.00 and empty attribution cells; 3 March: 5.00 with 7d 0.00 / 0.
    const withEmpty = join(work, "ads-empty.csv");
    writeFileSync(
      withEmpty,
      "store,date,spend,clicks,impressions,attributed.7d.sales,attributed.7d.orders,currency\n" +
        "us,2026-03-02,12.00,3,100,,,USD\n" +
        "us,2026-03-03,5.00,1,50,0.00,0,USD\n",
    );
    const r = runCli(["facts", "--ads", withEmpty, ...STORE, "--period", "2026-03"], F);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].ads).toEqual({
      spend: "17.00",
      clicks: 4,
      impressions: 150,
      attributed: { "7d": { sales: "0.00", orders: 0 } },
    });
    // The same 2 March alone reads the same: the header's 7d window with zeros.
    const alone = runCli(["facts", "--ads", withEmpty, ...STORE, "--period", "2026-03-01..2026-03-02"], F);
    expect(JSON.parse(alone.stdout)[0].ads.attributed).toEqual({ "7d": { sales: "0.00", orders: 0 } });
    // An export with no attribution columns at all: every day counted, spend summed.
    const none = join(work, "ads-none.csv");
    writeFileSync(none, "store,date,spend,clicks,impressions,currency\nus,2026-03-02,12.00,3,100,USD\n");
    const bare = runCli(["facts", "--ads", none, ...STORE, "--period", "2026-03"], F);
    expect(bare.code).toBe(0);
    expect(JSON.parse(bare.stdout)[0].ads).toEqual({
      spend: "12.00",
      clicks: 3,
      impressions: 100,
      attributed: {},
    });
  });

  it("splits the period into cycles and takes the stores from a contract", () => {
    const contract = join(REPO, "test/fixtures/worked/contract.json");
    const r = run(["orders.csv", "--contract", contract, "--period", "2026-02-01..2026-03-31"]);
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.stdout);
    expect(facts.map((f: { period: { start: string } }) => f.period.start)).toEqual([
      "2026-02-01",
      "2026-03-01",
    ]);
    expect(facts[0].sales.orders).toBe(0);
    const days = run(["orders.csv", ...STORE, "--period", "2026-03", "--cycle", "10d"]);
    expect(JSON.parse(days.stdout)).toHaveLength(4);
  });

  it("lists each rejected row at its file, line and column, and exits 1", () => {
    const r = run(["bad-orders.csv", ...STORE, "--period", "2026-03"]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")).toEqual([
      "kpi-contract: bad-orders.csv: 5 rows read, 1 counted, 4 rejected",
      'kpi-contract: bad-orders.csv:3:7: itemPrice: Amount "19.999" has more fraction digits than USD allows (2); amounts are never rounded on input [malformed]',
      'kpi-contract: bad-orders.csv:4:4: purchasedAt: Expected an ISO 8601 timestamp with Z or a ±HH:MM, ±HHMM or ±HH offset such as 2026-03-31T23:30:00-07:00, received "2026-03-02 10:00" [malformed]',
      'kpi-contract: bad-orders.csv:5:1: store: Store "eu" is not one of the stores in the options [unknown-store]',
      "kpi-contract: bad-orders.csv:6:6: quantity: Expected a count (a whole number of zero or more) [malformed]",
      "",
    ]);
    expect(JSON.parse(r.stdout)[0].sales.orders).toBe(1);
  });

  it("writes every rejected row to --rejected", () => {
    const out = join(work, "rejected.json");
    run(["bad-orders.csv", ...STORE, "--period", "2026-03", "--rejected", out]);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.rejected).toHaveLength(4);
    expect(report.rejected[0]).toMatchObject({
      file: "bad-orders.csv",
      line: 3,
      column: 7,
      columnName: "itemPrice",
      source: "orders",
      index: 1,
      reason: "malformed",
    });
    expect(report.summary.orders).toEqual({ read: 5, counted: 1, rejected: 4 });
  });

  it("does not count rows outside the period or duplicates as problems (exit 0)", () => {
    const r = run(["orders.csv", ...STORE, "--period", "2026-03-01..2026-03-15"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("[outside-period]");
  });

  it("reports the line of each row when quoted fields span lines", () => {
    const csv = join(work, "multiline.csv");
    writeFileSync(
      csv,
      'store,orderId,sku,purchasedAt,status,quantity,itemPrice,currency\nus,1,"MUG\n1",2026-03-01T09:00:00Z,shipped,1,1.00,USD\n\nus,2,TEA,2026-03-01T09:00:00Z,shipped,1,x,USD\n',
    );
    const r = runCli(["facts", csv, ...STORE, "--period", "2026-03"]);
    expect(r.stderr).toContain(`${csv}:5:7: itemPrice:`);
  });

  it("exit 3 for a structurally broken CSV, at its line", () => {
    const r = run(["broken-orders.csv", ...STORE, "--period", "2026-03"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      "kpi-contract: broken-orders.csv:3: the orders CSV is malformed: Invalid Record Length: columns length is 8, got 7\n",
    );
    expect(r.stdout).toBe("");
  });

  it("exit 3 for an unknown column, unless --ignore-extra-columns", () => {
    const r = run(["typo-orders.csv", ...STORE, "--period", "2026-03"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /^kpi-contract: typo-orders\.csv:1:6: unknown column "qty" for orders rows; the columns are store, orderId/,
    );
    const ignored = run(["typo-orders.csv", ...STORE, "--period", "2026-03", "--ignore-extra-columns"]);
    // Without its quantity column every row is malformed: a required field is missing.
    expect(ignored.code).toBe(1);
    expect(ignored.stderr).toContain("typo-orders.csv:2: quantity:");
  });

  it("exit 3 for a missing file", () => {
    const r = run(["orders.csv", "--ads", "nope.csv", ...STORE, "--period", "2026-03"]);
    expect([r.code, r.stderr]).toEqual([
      3,
      "kpi-contract: nope.csv: cannot read the ads CSV: no such file\n",
    ]);
  });

  it("exit 2 for a bad --store, a missing --period or store, no file, or both --store and --contract", () => {
    expect(run(["orders.csv", "--store", "us:USD", "--period", "2026-03"]).stderr).toContain(
      "--store must be id:CURRENCY:Time/Zone",
    );
    expect(run(["orders.csv", "--store", "us:XYZ:UTC", "--period", "2026-03"]).stderr).toContain(
      '"XYZ" is not an ISO 4217 currency code',
    );
    expect(run(["orders.csv", "--store", "us:USD:Mars/Base", "--period", "2026-03"]).stderr).toContain(
      '"Mars/Base" is not an IANA time zone',
    );
    expect(run(["orders.csv", ...STORE]).stderr).toContain("facts: --period is required");
    expect(run(["orders.csv", "--period", "2026-03"]).stderr).toContain(
      "--store id:CURRENCY:Time/Zone (or --contract) is required",
    );
    expect(run([...STORE, "--period", "2026-03"]).stderr).toContain("give at least one CSV file");
    expect(run(["orders.csv", ...STORE, "--contract", "c.json", "--period", "2026-03"]).stderr).toContain(
      "give --store or --contract, not both",
    );
    expect(run(["orders.csv", ...STORE, "--period", "2026-03", "--cycle", "weekly"]).code).toBe(2);
    expect(
      run(["orders.csv", "--store", "us:USD:UTC", "--store", "us:EUR:UTC", "--period", "2026-03"]).code,
    ).toBe(2);
  });

  it("draws no progress bar when stderr is not a terminal", () => {
    const big = bigCsv();
    const r = runCli(["facts", big, ...STORE, "--period", "2026-03"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`kpi-contract: ${big}: 90000 rows read, 90000 counted, 0 rejected\n`);
  });

  it.runIf(existsSync("/usr/bin/script"))("draws a progress bar on a terminal for files over 4 MB", () => {
    const big = bigCsv();
    const out = join(work, "big-facts.json");
    // `script` runs the command on a pseudo-terminal, so stderr is a TTY.
    const command = [
      process.execPath,
      CLI_BUNDLE,
      "facts",
      big,
      ...STORE,
      "--period",
      "2026-03",
      "--out",
      out,
    ]
      .map((a) => `'${a}'`)
      .join(" ");
    const r = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(big);
    expect(r.stdout).toMatch(/\d+% \| [\d.]+\/[\d.]+ MB/);
    expect(JSON.parse(readFileSync(out, "utf8"))[0].sales.orders).toBe(90_000);
  });
});
