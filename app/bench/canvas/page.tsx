import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BareCanvas } from "./bare-canvas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Canvas benchmark", robots: { index: false } };

const size = (value: string | string[] | undefined, fallback: number) => {
  const parsed = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(parsed) && parsed >= 100 && parsed <= 4_000 ? parsed : fallback;
};

/**
 * `npm run bench:canvas`'s peer: a flow's graph in a bare React Flow canvas (default nodes) of
 * `w` x `h` pixels. Exists only when the server runs with TRELLIS_BENCH_PAGES=1, else 404.
 */
export default async function BenchCanvasPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (process.env.TRELLIS_BENCH_PAGES !== "1") notFound();
  const params = await searchParams;
  const flowId = typeof params.flow === "string" ? params.flow : "";
  if (!flowId) notFound();
  return <BareCanvas flowId={flowId} width={size(params.w, 800)} height={size(params.h, 600)} />;
}
