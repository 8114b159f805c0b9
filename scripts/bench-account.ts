// The member the large generated community (scripts/seed-large.ts) is benchmarked as (tests/bench/run.ts).
export const BENCH_EMAIL = "bench@large.test";
export const BENCH_PASSWORD = "bench-password";
