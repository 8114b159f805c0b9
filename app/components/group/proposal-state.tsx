import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";

export type ProposalStateName = "open" | "awaiting_outcome" | "closed";

export function ProposalStateBadge({ state }: { state: ProposalStateName }) {
  const { t } = useTranslation();
  const tone = state === "open" ? "info" : state === "closed" ? "success" : "warning";
  return <Badge tone={tone}>{t(`groups.decisions.state.${state}`)}</Badge>;
}
