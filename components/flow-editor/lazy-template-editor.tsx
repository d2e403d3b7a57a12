"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The template editor, loaded when first shown: CodeMirror is a fifth of the editor page's
 * JavaScript, and opening a flow does not need it until a prompt field is on screen.
 */
export const LazyTemplateEditor = dynamic(
  () => import("./template-editor").then((module) => module.TemplateEditor),
  { ssr: false, loading: () => <Skeleton className="h-24 w-full" /> },
);
