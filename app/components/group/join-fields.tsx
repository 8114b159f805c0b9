// What the form that joins an open group straight away posts: the intent and its button (in the
// group's header and on its join page).
import { useTranslation } from "react-i18next";

export function JoinFields() {
  const { t } = useTranslation();
  return (
    <>
      <input type="hidden" name="intent" value="join" />
      <button type="submit" className="button button--primary">
        {t("groups.join.join")}
      </button>
    </>
  );
}
