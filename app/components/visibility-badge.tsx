import { useTranslation } from "react-i18next";
import type { CategoryVisibility, GroupVisibility } from "~/domain/vocabulary";
import { Badge } from "./ui/badge";

export function VisibilityBadge({ visibility }: { visibility: CategoryVisibility | GroupVisibility }) {
  const { t } = useTranslation();
  if (visibility === "public") return null;
  return (
    <Badge tone={visibility === "private" ? "private" : "neutral"} title={t(`visibilityHint.${visibility}`)}>
      {t(`visibility.${visibility}`)}
    </Badge>
  );
}
