// Change proposals: open ones first, then those accepted, declined or withdrawn.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { ProposalStatusBadge } from "~/components/document/proposal-status";
import { listProposals } from "~/models/change-proposal.server";
import { readWorkspace } from "~/services/documents/workspace.server";
import { newProposalPath, proposalPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, document, permissions } = await readWorkspace(request, params.slug);
  const proposals = await listProposals(db, document.id);
  return {
    document: { slug: document.slug },
    open: proposals.filter((p) => p.status === "open"),
    decided: proposals.filter((p) => p.status !== "open"),
    permissions,
  };
}

type ProposalItem = ReturnType<typeof useLoaderData<typeof loader>>["open"][number];

function ProposalList({ proposals, slug }: { proposals: ProposalItem[]; slug: string }) {
  const { t } = useTranslation();
  const { date } = useSite();
  return (
    <ul className="doc-list">
      {proposals.map((p) => (
        <li key={p.id} className="card">
          <h4 className="card__title">
            <Link to={proposalPath(slug, p.id)}>
              {t("documents.proposals.itemTitle", { id: p.id, section: p.section_title || t("documents.comments.introduction") })}
            </Link>{" "}
            <ProposalStatusBadge status={p.status} />
          </h4>
          <p className="card__meta">
            {t("documents.proposals.by", {
              name: p.author_name ?? "",
              organization: p.author_organization ?? "",
              date: date(p.created_at, true),
            })}
          </p>
          <p className="card__summary">{p.reason}</p>
          {p.decided_at && p.status !== "withdrawn" ? (
            <p className="card__meta">
              {t("documents.proposals.decidedBy", { name: p.decider_name ?? "", date: date(p.decided_at, true) })}
              {p.decision_reason ? ` — ${p.decision_reason}` : ""}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default function Proposals() {
  const { t } = useTranslation();
  const { document, open, decided, permissions } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t("documents.proposals.title")}</h2>
      <p className="muted">
        {permissions.reviewProposals ? t("documents.proposals.introEditor") : t("documents.proposals.intro")}
      </p>
      {permissions.propose ? (
        <p>
          <Link to={newProposalPath(document.slug)} className="button button--primary">
            {t("documents.proposals.new")}
          </Link>
        </p>
      ) : null}
      <h3>{t("documents.proposals.openTitle", { count: open.length })}</h3>
      {open.length ? (
        <ProposalList proposals={open} slug={document.slug} />
      ) : (
        <p className="empty-state">{t("documents.proposals.noneOpen")}</p>
      )}
      {decided.length ? (
        <>
          <h3>{t("documents.proposals.decidedTitle")}</h3>
          <ProposalList proposals={decided} slug={document.slug} />
        </>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
