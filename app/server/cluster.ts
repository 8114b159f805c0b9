// Start-up: refuse a production configuration that cannot work, prepare the database once (migrations
// and the first-run seed) in the primary process, then serve in it or in WEB_CONCURRENCY workers,
// replacing any that exits until the primary is told to stop.
import cluster from "node:cluster";
import { prepareDatabase } from "~/ops/prepare.server";
import { closeDatabase, getConnection } from "~/utils/db.server";
import { productionConfigurationProblems, seedDemo } from "~/utils/env.server";

function workerCount(): number {
  const configured = Number(process.env.WEB_CONCURRENCY);
  if (Number.isInteger(configured) && configured > 0) return Math.min(configured, 16);
  return 1;
}

export async function start(serve: () => Promise<void>) {
  const problems = productionConfigurationProblems();
  if (problems.length) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  if (cluster.isPrimary) {
    // Migrations and the first-run seed happen once, before any process serves.
    const result = await prepareDatabase(getConnection().db, { demo: seedDemo() });
    if (result.seeded) console.log(`First run: seeded the starter content${seedDemo() ? " and the demo community" : ""}.`);
    const workers = workerCount();
    if (workers > 1) {
      closeDatabase();
      for (let i = 0; i < workers; i++) cluster.fork();
      let stopping = false;
      cluster.on("exit", (worker, code, signal) => {
        if (stopping) return;
        console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
        cluster.fork();
      });
      const stop = () => {
        stopping = true;
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
        setTimeout(() => process.exit(0), 5_000).unref();
        cluster.on("exit", () => {
          if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        });
      };
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
      return;
    }
  }
  await serve();
}
