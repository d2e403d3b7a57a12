/** A managed prompt as GET /api/prompts lists it. */
export interface PromptSummaryDto {
  id: string;
  name: string;
  description: string;
  /** Each label and the version number it points at, by label name. */
  labels: { name: string; version: number }[];
  /** The highest version number, or null before the first version. */
  latestVersion: number | null;
  /** How many versions the prompt has. */
  versionCount: number;
  /** When the prompt, a version or a label last changed. */
  updatedAt: string;
}
