import { useTranslation } from "react-i18next";

/** A refusal (a catalogue key) shown in the row or card of the thing it concerns. */
export function InlineError({ error }: { error: string | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="form-errors" role="alert">
      {t(error as never)}
    </p>
  );
}
