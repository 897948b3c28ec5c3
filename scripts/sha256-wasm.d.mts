/** The WebAssembly SHA-256 module's bytes, as scripts/sha256-wasm.mjs assembles them. */
export function sha256WasmBytes(): Uint8Array;
/** The source of src/internal/sha256Wasm.ts. */
export function sha256WasmSource(): string;
