/** A 1-based line and column inside a text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * The line and column of a character offset (1-based; columns count UTF-16 units, tabs as one).
 *
 * @param text - the text
 * @param offset - a 0-based offset into it (clamped to its length)
 * @returns the position
 * @example
 * ```ts
 * positionOf("{\n  \"a\": 1\n}", 4); // { line: 2, column: 3 }
 * ```
 */
export function positionOf(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A scanner over valid JSON text: where each value starts, and how to skip it. */
function scanner(text: string) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text.charAt(i))) i++;
  };
  const skipString = () => {
    i++; // opening quote
    while (i < text.length && text.charAt(i) !== '"') i += text.charAt(i) === "\\" ? 2 : 1;
    i++;
  };
  const readString = (): string => {
    const start = i;
    skipString();
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skipValue = (): void => {
    ws();
    const c = text.charAt(i);
    if (c === '"') {
      skipString();
      return;
    }
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      ws();
      if (text.charAt(i) === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === "{") {
          ws();
          skipString();
          ws();
          i++; // colon
        }
        skipValue();
        ws();
        const sep = text.charAt(i++);
        if (sep !== ",") return;
      }
    }
    while (i < text.length && !",]} \t\r\n".includes(text.charAt(i))) i++;
  };
  return {
    get pos() {
      return i;
    },
    ws,
    readString,
    skipValue,
    peek: () => text.charAt(i),
    advance: () => {
      i++;
    },
  };
}

/**
 * Finds where the value at a JSON path starts in a JSON text, so a problem found in the parsed
 * data can be shown at its line and column. When the path leads to a key that is absent (a missing
 * required field), the position of the deepest value that exists on the way is returned.
 *
 * @param text - valid JSON text
 * @param path - object keys and array indexes from the root
 * @returns the 1-based line and column of the value
 * @example
 * ```ts
 * locateJsonPath('{"targets":[{"id":"x"}]}', ["targets", 0, "id"]); // { line: 1, column: 19 }
 * ```
 */
export function locateJsonPath(text: string, path: readonly (string | number)[]): TextPosition {
  const s = scanner(text);
  s.ws();
  if (s.peek() === "\uFEFF") {
    s.advance();
    s.ws();
  }
  let found = s.pos;
  for (const key of path) {
    const open = s.peek();
    if (open === "{" && typeof key === "string") {
      s.advance();
      let hit = false;
      for (;;) {
        s.ws();
        if (s.peek() !== '"') break;
        const name = s.readString();
        s.ws();
        s.advance(); // colon
        s.ws();
        if (name === key) {
          hit = true;
          break;
        }
        s.skipValue();
        s.ws();
        if (s.peek() !== ",") break;
        s.advance();
      }
      if (!hit) break;
    } else if (open === "[" && typeof key === "number") {
      s.advance();
      s.ws();
      let hit = false;
      for (let index = 0; s.peek() !== "]" && s.pos < text.length; index++) {
        s.ws();
        if (index === key) {
          hit = true;
          break;
        }
        s.skipValue();
        s.ws();
        if (s.peek() !== ",") break;
        s.advance();
      }
      if (!hit) break;
    } else {
      break;
    }
    found = s.pos;
  }
  return positionOf(text, found);
}
