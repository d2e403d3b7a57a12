"use client";

import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";

/** Keyboard shortcuts of the editor ("Mod" is Ctrl, or Cmd on a Mac). */
export const SHORTCUTS: [keys: string, action: string][] = [
  ["Mod+K", "Add a node (quick-add menu)"],
  ["Mod+Z", "Undo"],
  ["Mod+Shift+Z / Mod+Y", "Redo"],
  ["Delete / Backspace", "Delete the selection"],
  ["Mod+D", "Duplicate the selected nodes"],
  ["Mod+C / Mod+V", "Copy and paste nodes"],
  ["Mod+A", "Select all"],
  ["Mod+S", "Save the draft now"],
  ["Mod+Shift+S", "Save a version"],
  ["Shift+L", "Auto-layout"],
  ["Shift+F", "Fit the flow to the view"],
  ["Shift+C", "Show or hide each node's average cost and latency"],
  ["Escape", "Clear the selection"],
  ["?", "Show this list"],
];

/** The `?` overlay listing the shortcuts. */
export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>
            Shortcuts work while the focus is not in a text field; Mod+S works everywhere.
          </DialogDescription>
        </DialogHeader>
        <table className="w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(([keys, action]) => (
              <tr key={keys} className="border-b last:border-0">
                <td className="py-1.5 pr-4">
                  <kbd className="rounded border bg-muted px-1.5 py-0.5 font-mono text-xs">
                    {keys}
                  </kbd>
                </td>
                <td className="py-1.5">{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DialogContent>
    </Dialog>
  );
}
