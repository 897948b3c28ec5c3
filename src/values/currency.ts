import * as z from "zod";
import { describeInput } from "./decimal.js";
import { KpiContractError } from "./KpiContractError.js";

/** An ISO 4217 alphabetic currency code such as `"USD"`; {@link isCurrencyCode} tells whether it is known. */
export type CurrencyCode = string;

/** What the library knows about one currency. */
export interface CurrencyInfo {
  /** Minor-unit exponent: digits after the decimal point (USD 2, JPY 0, KWD 3, CLF 4). */
  readonly exponent: number;
  /** The currency's name as ISO 4217 list one spells it. */
  readonly name: string;
}

// Source: ISO 4217 "List One: Current Currency & Funds" as published by SIX (the maintenance agency)
// on 2026-01-01, i.e. with every amendment up to no. 180 in force. One row per distinct alphabetic
// code (list one repeats a code once per country). Codes whose minor unit is "N.A." are left out on
// purpose because a money amount needs an exponent: XAU, XAG, XPT, XPD (metals), XBA, XBB, XBC, XBD
// (bond market units), XDR (SDR), XSU (Sucre), XUA (ADB unit), XTS (testing) and XXX (no currency).
// Withdrawn codes are absent on purpose, so data carrying them is refused instead of settled in a
// dead unit. Among them: HRK (→ EUR, 2023), BGN (→ EUR, 2026-01-01), SLL (→ SLE), VEF (→ VES),
// ZWL (→ ZWG, 2024), ANG (→ XCG, 2025-03-31), CUC (→ CUP), MRO (→ MRU), STD (→ STN), BYR (→ BYN),
// ZMK (→ ZMW), LTL, LVL, EEK, SKK (→ EUR). Exponents are ISO's, not CLDR's display digits: ISO says
// IDR 2, IQD 3, MGA 2 and HUF 2 where CLDR formats them with 0. Newest additions: ZWG (amendment 177,
// 2024), XCG (176, in use from 2025-03-31) and XAD, the Arab Monetary Fund's accounting dinar (179, 2025).
// Totals: 165 codes = 17 with exponent 0, 139 with 2, 7 with 3, 2 with 4 (a test pins these).
const TABLE = {
  AED: { exponent: 2, name: "UAE Dirham" },
  AFN: { exponent: 2, name: "Afghani" },
  ALL: { exponent: 2, name: "Lek" },
  AMD: { exponent: 2, name: "Armenian Dram" },
  AOA: { exponent: 2, name: "Kwanza" },
  ARS: { exponent: 2, name: "Argentine Peso" },
  AUD: { exponent: 2, name: "Australian Dollar" },
  AWG: { exponent: 2, name: "Aruban Florin" },
  AZN: { exponent: 2, name: "Azerbaijan Manat" },
  BAM: { exponent: 2, name: "Convertible Mark" },
  BBD: { exponent: 2, name: "Barbados Dollar" },
  BDT: { exponent: 2, name: "Taka" },
  BHD: { exponent: 3, name: "Bahraini Dinar" },
  BIF: { exponent: 0, name: "Burundi Franc" },
  BMD: { exponent: 2, name: "Bermudian Dollar" },
  BND: { exponent: 2, name: "Brunei Dollar" },
  BOB: { exponent: 2, name: "Boliviano" },
  BOV: { exponent: 2, name: "Mvdol" },
  BRL: { exponent: 2, name: "Brazilian Real" },
  BSD: { exponent: 2, name: "Bahamian Dollar" },
  BTN: { exponent: 2, name: "Ngultrum" },
  BWP: { exponent: 2, name: "Pula" },
  BYN: { exponent: 2, name: "Belarusian Ruble" },
  BZD: { exponent: 2, name: "Belize Dollar" },
  CAD: { exponent: 2, name: "Canadian Dollar" },
  CDF: { exponent: 2, name: "Congolese Franc" },
  CHE: { exponent: 2, name: "WIR Euro" },
  CHF: { exponent: 2, name: "Swiss Franc" },
  CHW: { exponent: 2, name: "WIR Franc" },
  CLF: { exponent: 4, name: "Unidad de Fomento" },
  CLP: { exponent: 0, name: "Chilean Peso" },
  CNY: { exponent: 2, name: "Yuan Renminbi" },
  COP: { exponent: 2, name: "Colombian Peso" },
  COU: { exponent: 2, name: "Unidad de Valor Real" },
  CRC: { exponent: 2, name: "Costa Rican Colon" },
  CUP: { exponent: 2, name: "Cuban Peso" },
  CVE: { exponent: 2, name: "Cabo Verde Escudo" },
  CZK: { exponent: 2, name: "Czech Koruna" },
  DJF: { exponent: 0, name: "Djibouti Franc" },
  DKK: { exponent: 2, name: "Danish Krone" },
  DOP: { exponent: 2, name: "Dominican Peso" },
  DZD: { exponent: 2, name: "Algerian Dinar" },
  EGP: { exponent: 2, name: "Egyptian Pound" },
  ERN: { exponent: 2, name: "Nakfa" },
  ETB: { exponent: 2, name: "Ethiopian Birr" },
  EUR: { exponent: 2, name: "Euro" },
  FJD: { exponent: 2, name: "Fiji Dollar" },
  FKP: { exponent: 2, name: "Falkland Islands Pound" },
  GBP: { exponent: 2, name: "Pound Sterling" },
  GEL: { exponent: 2, name: "Lari" },
  GHS: { exponent: 2, name: "Ghana Cedi" },
  GIP: { exponent: 2, name: "Gibraltar Pound" },
  GMD: { exponent: 2, name: "Dalasi" },
  GNF: { exponent: 0, name: "Guinean Franc" },
  GTQ: { exponent: 2, name: "Quetzal" },
  GYD: { exponent: 2, name: "Guyana Dollar" },
  HKD: { exponent: 2, name: "Hong Kong Dollar" },
  HNL: { exponent: 2, name: "Lempira" },
  HTG: { exponent: 2, name: "Gourde" },
  HUF: { exponent: 2, name: "Forint" },
  IDR: { exponent: 2, name: "Rupiah" },
  ILS: { exponent: 2, name: "New Israeli Sheqel" },
  INR: { exponent: 2, name: "Indian Rupee" },
  IQD: { exponent: 3, name: "Iraqi Dinar" },
  IRR: { exponent: 2, name: "Iranian Rial" },
  ISK: { exponent: 0, name: "Iceland Krona" },
  JMD: { exponent: 2, name: "Jamaican Dollar" },
  JOD: { exponent: 3, name: "Jordanian Dinar" },
  JPY: { exponent: 0, name: "Yen" },
  KES: { exponent: 2, name: "Kenyan Shilling" },
  KGS: { exponent: 2, name: "Som" },
  KHR: { exponent: 2, name: "Riel" },
  KMF: { exponent: 0, name: "Comorian Franc" },
  KPW: { exponent: 2, name: "North Korean Won" },
  KRW: { exponent: 0, name: "Won" },
  KWD: { exponent: 3, name: "Kuwaiti Dinar" },
  KYD: { exponent: 2, name: "Cayman Islands Dollar" },
  KZT: { exponent: 2, name: "Tenge" },
  LAK: { exponent: 2, name: "Lao Kip" },
  LBP: { exponent: 2, name: "Lebanese Pound" },
  LKR: { exponent: 2, name: "Sri Lanka Rupee" },
  LRD: { exponent: 2, name: "Liberian Dollar" },
  LSL: { exponent: 2, name: "Loti" },
  LYD: { exponent: 3, name: "Libyan Dinar" },
  MAD: { exponent: 2, name: "Moroccan Dirham" },
  MDL: { exponent: 2, name: "Moldovan Leu" },
  MGA: { exponent: 2, name: "Malagasy Ariary" },
  MKD: { exponent: 2, name: "Denar" },
  MMK: { exponent: 2, name: "Kyat" },
  MNT: { exponent: 2, name: "Tugrik" },
  MOP: { exponent: 2, name: "Pataca" },
  MRU: { exponent: 2, name: "Ouguiya" },
  MUR: { exponent: 2, name: "Mauritius Rupee" },
  MVR: { exponent: 2, name: "Rufiyaa" },
  MWK: { exponent: 2, name: "Malawi Kwacha" },
  MXN: { exponent: 2, name: "Mexican Peso" },
  MXV: { exponent: 2, name: "Mexican Unidad de Inversion (UDI)" },
  MYR: { exponent: 2, name: "Malaysian Ringgit" },
  MZN: { exponent: 2, name: "Mozambique Metical" },
  NAD: { exponent: 2, name: "Namibia Dollar" },
  NGN: { exponent: 2, name: "Naira" },
  NIO: { exponent: 2, name: "Cordoba Oro" },
  NOK: { exponent: 2, name: "Norwegian Krone" },
  NPR: { exponent: 2, name: "Nepalese Rupee" },
  NZD: { exponent: 2, name: "New Zealand Dollar" },
  OMR: { exponent: 3, name: "Rial Omani" },
  PAB: { exponent: 2, name: "Balboa" },
  PEN: { exponent: 2, name: "Sol" },
  PGK: { exponent: 2, name: "Kina" },
  PHP: { exponent: 2, name: "Philippine Peso" },
  PKR: { exponent: 2, name: "Pakistan Rupee" },
  PLN: { exponent: 2, name: "Zloty" },
  PYG: { exponent: 0, name: "Guarani" },
  QAR: { exponent: 2, name: "Qatari Rial" },
  RON: { exponent: 2, name: "Romanian Leu" },
  RSD: { exponent: 2, name: "Serbian Dinar" },
  RUB: { exponent: 2, name: "Russian Ruble" },
  RWF: { exponent: 0, name: "Rwanda Franc" },
  SAR: { exponent: 2, name: "Saudi Riyal" },
  SBD: { exponent: 2, name: "Solomon Islands Dollar" },
  SCR: { exponent: 2, name: "Seychelles Rupee" },
  SDG: { exponent: 2, name: "Sudanese Pound" },
  SEK: { exponent: 2, name: "Swedish Krona" },
  SGD: { exponent: 2, name: "Singapore Dollar" },
  SHP: { exponent: 2, name: "Saint Helena Pound" },
  SLE: { exponent: 2, name: "Leone" },
  SOS: { exponent: 2, name: "Somali Shilling" },
  SRD: { exponent: 2, name: "Surinam Dollar" },
  SSP: { exponent: 2, name: "South Sudanese Pound" },
  STN: { exponent: 2, name: "Dobra" },
  SVC: { exponent: 2, name: "El Salvador Colon" },
  SYP: { exponent: 2, name: "Syrian Pound" },
  SZL: { exponent: 2, name: "Lilangeni" },
  THB: { exponent: 2, name: "Baht" },
  TJS: { exponent: 2, name: "Somoni" },
  TMT: { exponent: 2, name: "Turkmenistan New Manat" },
  TND: { exponent: 3, name: "Tunisian Dinar" },
  TOP: { exponent: 2, name: "Pa’anga" },
  TRY: { exponent: 2, name: "Turkish Lira" },
  TTD: { exponent: 2, name: "Trinidad and Tobago Dollar" },
  TWD: { exponent: 2, name: "New Taiwan Dollar" },
  TZS: { exponent: 2, name: "Tanzanian Shilling" },
  UAH: { exponent: 2, name: "Hryvnia" },
  UGX: { exponent: 0, name: "Uganda Shilling" },
  USD: { exponent: 2, name: "US Dollar" },
  USN: { exponent: 2, name: "US Dollar (Next day)" },
  UYI: { exponent: 0, name: "Uruguay Peso en Unidades Indexadas (UI)" },
  UYU: { exponent: 2, name: "Peso Uruguayo" },
  UYW: { exponent: 4, name: "Unidad Previsional" },
  UZS: { exponent: 2, name: "Uzbekistan Sum" },
  VED: { exponent: 2, name: "Bolívar Soberano" },
  VES: { exponent: 2, name: "Bolívar Soberano" },
  VND: { exponent: 0, name: "Dong" },
  VUV: { exponent: 0, name: "Vatu" },
  WST: { exponent: 2, name: "Tala" },
  XAD: { exponent: 2, name: "Arab Accounting Dinar" },
  XAF: { exponent: 0, name: "CFA Franc BEAC" },
  XCD: { exponent: 2, name: "East Caribbean Dollar" },
  XCG: { exponent: 2, name: "Caribbean Guilder" },
  XOF: { exponent: 0, name: "CFA Franc BCEAO" },
  XPF: { exponent: 0, name: "CFP Franc" },
  YER: { exponent: 2, name: "Yemeni Rial" },
  ZAR: { exponent: 2, name: "Rand" },
  ZMW: { exponent: 2, name: "Zambian Kwacha" },
  ZWG: { exponent: 2, name: "Zimbabwe Gold" },
} satisfies Record<string, CurrencyInfo>;

// Successors of recently withdrawn codes, only to make the refusal message helpful.
const WITHDRAWN: Readonly<Record<string, string>> = Object.freeze({
  ANG: "XCG",
  BGN: "EUR",
  CUC: "CUP",
  HRK: "EUR",
  SLL: "SLE",
  VEF: "VES",
  ZWL: "ZWG",
});

/**
 * Every active ISO 4217 currency with a minor unit, keyed by alphabetic code: its exponent and name.
 *
 * The table and each entry are frozen. Codes that ISO lists with minor unit "N.A." (XDR, XAU, XXX…)
 * and withdrawn codes (HRK, BGN, SLL, VEF, ZWL, ANG…) are deliberately absent.
 *
 * @example
 * ```ts
 * CURRENCIES.JPY.exponent; // 0
 * CURRENCIES.KWD;          // { exponent: 3, name: "Kuwaiti Dinar" }
 * ```
 */
export const CURRENCIES: { readonly [Code in keyof typeof TABLE]: CurrencyInfo } = Object.freeze(
  Object.fromEntries(
    Object.entries(TABLE).map(([code, info]): [string, CurrencyInfo] => [code, Object.freeze({ ...info })]),
  ) as { [Code in keyof typeof TABLE]: CurrencyInfo },
);

const BY_CODE: Readonly<Record<string, CurrencyInfo | undefined>> = CURRENCIES;

/** The codes of {@link CURRENCIES}, sorted: the `enum` of a currency in the JSON Schemas. @internal */
export const CURRENCY_CODES: readonly string[] = Object.freeze(Object.keys(CURRENCIES).sort());

/**
 * Tells whether a string is an active ISO 4217 code the library knows (exact, upper-case match).
 *
 * Only the table's own keys count, so inherited names such as `"__proto__"` or `"toString"` are not
 * codes.
 *
 * @param code - the candidate code
 * @returns true when {@link CURRENCIES} holds the code
 * @example
 * ```ts
 * isCurrencyCode("USD"); // true
 * isCurrencyCode("usd"); // false
 * isCurrencyCode("HRK"); // false (withdrawn in 2023)
 * ```
 */
export function isCurrencyCode(code: string): boolean {
  return typeof code === "string" && Object.hasOwn(BY_CODE, code);
}

/**
 * Returns the minor-unit exponent of a currency: how many digits follow the decimal point.
 *
 * @param code - an active ISO 4217 code
 * @returns the exponent (0, 2, 3 or 4)
 * @throws {@link KpiContractError} `currency-unknown` (params `{ currency }`) when the code is not in
 *   {@link CURRENCIES}
 * @example
 * ```ts
 * minorUnits("USD"); // 2
 * minorUnits("JPY"); // 0
 * minorUnits("KWD"); // 3
 * ```
 */
export function minorUnits(code: string): number {
  const info = isCurrencyCode(code) ? BY_CODE[code] : undefined;
  if (info === undefined) {
    throw new KpiContractError("currency-unknown", unknownCurrencyMessage(code), { currency: code });
  }
  return info.exponent;
}

function unknownCurrencyMessage(code: unknown): string {
  const base = `Unknown currency code ${describeInput(code)}: use an active ISO 4217 code such as USD, EUR or JPY`;
  if (typeof code !== "string") return base;
  const successor = Object.hasOwn(WITHDRAWN, code) ? WITHDRAWN[code] : undefined;
  if (successor !== undefined) return `${base} (${code} was withdrawn; its successor is ${successor})`;
  const upper = code.toUpperCase();
  if (upper !== code && isCurrencyCode(upper)) return `${base} (codes are upper case: "${upper}")`;
  return base;
}

/**
 * Zod schema of an active ISO 4217 currency code; anything else fails with a message naming the value.
 *
 * @example
 * ```ts
 * currencySchema.parse("EUR"); // "EUR"
 * currencySchema.safeParse("XYZ").error?.issues[0]?.message;
 * // 'Unknown currency code "XYZ": use an active ISO 4217 code such as USD, EUR or JPY'
 * ```
 */
export const currencySchema: z.ZodType<CurrencyCode, CurrencyCode> = z
  .string({ error: 'Expected an ISO 4217 currency code string such as "USD"' })
  .refine(isCurrencyCode, { error: (issue) => unknownCurrencyMessage(issue.input) });
