// The state of a change proposal as a badge: open, accepted, declined or withdrawn.
import { useTranslation } from "react-i18next";
import type { ProposalStatus } from "~/domain/vocabulary";
import { Badge } from "../ui/badge";

const TONES = { open: "info", accepted: "success", declined: "warning", withdrawn: "neutral" } as const;

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`documents.proposals.status.${status}`)}</Badge>;
}
