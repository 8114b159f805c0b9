import type { Messages } from "./en";
import en from "./en";
// Filled in by the translation pass; falls back to English until then.
const fr: Messages = en;
export default fr;
