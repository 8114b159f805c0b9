// Machine-readable health for load balancers and monitoring: 200 {"status":"ok"} or 503.
import { databaseAnswers } from "~/services/service-health.server";

export async function loader() {
  const ok = await databaseAnswers();
  return Response.json(
    { status: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
