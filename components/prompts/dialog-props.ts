import type { PromptDetailDto, PromptLabelDto } from "@/lib/schemas/prompt-library";

/** What every dialog on a prompt's page receives. */
export interface PromptDialogProps {
  workspaceId: string;
  prompt: PromptDetailDto;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** A prompt dialog acting on one label. */
export interface LabelDialogProps extends PromptDialogProps {
  label: PromptLabelDto;
}
