"use client";

import { useState } from "react";
import { importProblem, readFlowFile, type ImportOutcome } from "@/components/flows/import-file";
import { useImportFlow } from "@/lib/query/flows";

/** Imports flow files one at a time and remembers the outcome of the last one for the page to show. */
export function useFlowImport(workspaceId: string) {
  const mutation = useImportFlow(workspaceId);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [pendingFile, setPendingFile] = useState<string | null>(null);

  const importFile = async (file: File) => {
    if (pendingFile) return;
    setOutcome(null);
    setPendingFile(file.name);
    try {
      const read = await readFlowFile(file);
      if (!read.ok) {
        setOutcome({ kind: "failed", fileName: file.name, problem: read.problem });
        return;
      }
      const { flow, issues } = await mutation.mutateAsync(read.document);
      setOutcome({ kind: "imported", fileName: file.name, flow, issues });
    } catch (error) {
      setOutcome({ kind: "failed", fileName: file.name, problem: importProblem(error) });
    } finally {
      setPendingFile(null);
    }
  };

  return { importFile, outcome, pendingFile, dismiss: () => setOutcome(null) };
}
