// The choice of the original a document translates, on the creation and settings forms.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/domain/vocabulary";
import { SelectField } from "../ui/field";

export function TranslationOfField({
  meta,
  sources,
}: {
  meta: FieldMetadata<string>;
  sources: Array<{ slug: string; title: string; language: Language }>;
}) {
  const { t } = useTranslation();
  return (
    <SelectField meta={meta} label={t("documents.create.translationOf")} hint={t("documents.create.translationOfHint")}>
      <option value="">{t("documents.create.notATranslation")}</option>
      {sources.map((s) => (
        <option key={s.slug} value={s.slug}>
          {s.title} ({t(`languageName.${s.language}`)})
        </option>
      ))}
    </SelectField>
  );
}
