import type { Messages } from "./en";
import en from "./en";
// Filled in by the translation pass; falls back to English until then.
const vi: Messages = en;
export default vi;
