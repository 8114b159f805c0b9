// A field's error under it, for the document forms that are not conform forms (the message is a
// catalogue key; `detail` fills its {{detail}}).
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
