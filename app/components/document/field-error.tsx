// A field's error under it, when its message names something (the publish form's version: the
// latest version is its {{detail}}), which the field components' FieldErrors does not fill in.
import { useTranslation } from "react-i18next";

export function FieldError({ id, error, detail }: { id: string; error?: string; detail?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <ul id={id} className="field__errors">
      <li>{t(error as never, { detail: detail ?? "" })}</li>
    </ul>
  );
}
