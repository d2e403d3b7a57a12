"use client";

import { Download, Table2 } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { costsExportHref, type CostsExportView, type CostsParams } from "@/lib/query/costs";

/** "Export CSV" of one view with the page's filters (a download link). */
export function ExportLink({ view, params }: { view: CostsExportView; params: CostsParams }) {
  return (
    <Button asChild variant="outline" size="sm">
      <a href={costsExportHref(view, params)} download data-testid={`costs-export-${view}`}>
        <Download aria-hidden />
        Export CSV
      </a>
    </Button>
  );
}

/** One chart: an optional visible heading, and its data summarised in words for screen readers. */
export function ChartFigure({
  label,
  heading,
  summary,
  height = 240,
  children,
}: {
  /** The chart's accessible name. */
  label: string;
  heading?: string;
  /** What the chart shows, in words (its accessible description). */
  summary: string;
  /** Pixels. */
  height?: number;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="m-0 flex min-w-0 flex-col gap-2">
      {heading && <h3 className="text-sm font-medium text-muted-foreground">{heading}</h3>}
      <div role="img" aria-label={label} aria-describedby={`${id}-summary`} style={{ height }}>
        {children}
      </div>
      <figcaption id={`${id}-summary`} className="sr-only">
        {summary}
      </figcaption>
    </figure>
  );
}

/** A card of charts with its heading, the CSV export of its view and a "Show table" toggle. */
export function ChartCard({
  title,
  description,
  view,
  params,
  table,
  children,
  className,
}: {
  title: string;
  description: string;
  view: CostsExportView;
  params: CostsParams;
  table: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <Card className={className} aria-labelledby={`${id}-title`} role="region">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <CardTitle id={`${id}-title`}>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={showTable}
            aria-controls={`${id}-table`}
            onClick={() => setShowTable((shown) => !shown)}
          >
            <Table2 aria-hidden />
            {showTable ? "Hide table" : "Show table"}
          </Button>
          <ExportLink view={view} params={params} />
        </div>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {children}
        <div id={`${id}-table`} hidden={!showTable}>
          {showTable && table}
        </div>
      </CardContent>
    </Card>
  );
}
