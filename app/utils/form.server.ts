// Every action reads its form through readForm: a body that is not a form (text/plain, JSON, a
// multipart body without its boundary or cut short) answers 415 or 400 with a message instead of
// the TypeError that request.formData() throws (a 500). tests/unit/read-form.test.ts checks that no
// route calls request.formData() itself.
import { data } from "@remix-run/node";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) {
    throw data({ reason: "unsupported_media_type" }, { status: 415, headers: { Accept: FORM_TYPES.join(", ") } });
  }
  try {
    return await request.formData();
  } catch {
    throw data({ reason: "malformed_form" }, { status: 400 });
  }
}
