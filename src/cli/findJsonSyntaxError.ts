/** The first syntax error of a JSON text: where it is (0-based offset) and what was expected. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
}

const describeChar = (text: string, i: number): string =>
  i >= text.length ? "the end of the file" : `${JSON.stringify(text.charAt(i))}`;

/**
 * Finds the first syntax error of a JSON text (RFC 8259) by a strict scan, so that the error is
 * reported at its line and column whatever the JavaScript engine's message says.
 *
 * @param text - the text that `JSON.parse` refused
 * @returns the offset and a short message, or undefined when the scan finds nothing wrong
 * @example
 * ```ts
 * findJsonSyntaxError('{"a": }'); // { offset: 6, message: 'expected a value, found "}"' }
 * ```
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string): never => {
    throw { offset: i, message } satisfies JsonSyntaxError;
  };
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text.charAt(i))) i++;
  };
  const expect = (c: string, what: string) => {
    if (text.charAt(i) !== c) fail(`expected ${what}, found ${describeChar(text, i)}`);
    i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail("unterminated string");
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail("control character in a string (write it as an escape such as \\n)");
      if (c === 92) {
        const e = text.charAt(i + 1);
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i++;
            fail("invalid \\u escape");
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(e) && e !== "") {
          i += 2;
        } else {
          i++;
          fail(`invalid escape \\${e}`);
        }
      } else {
        i++;
      }
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "" || m[0] === "-") fail(`expected a value, found ${describeChar(text, i)}`);
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text.charAt(i);
    if (c === "{") {
      i++;
      ws();
      if (text.charAt(i) === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"')
          fail(`expected a property name in double quotes, found ${describeChar(text, i)}`);
        string();
        ws();
        expect(":", '":" after the property name');
        value();
        ws();
        if (text.charAt(i) === ",") {
          i++;
          continue;
        }
        expect("}", '"," or "}"');
        return;
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text.charAt(i) === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text.charAt(i) === ",") {
          i++;
          continue;
        }
        expect("]", '"," or "]"');
        return;
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c === "-" || (c >= "0" && c <= "9")) {
      number();
      return;
    }
    fail(`expected a value, found ${describeChar(text, i)}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describeChar(text, i)} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    return error as JsonSyntaxError;
  }
}
