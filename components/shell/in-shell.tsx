"use client";

import { createContext, useContext } from "react";

const InShellContext = createContext(false);

/** Marks its subtree as rendered inside the signed-in shell. */
export const InShellProvider = InShellContext.Provider;

/** True inside the signed-in shell (so status pages skip their own page chrome). */
export function useInShell(): boolean {
  return useContext(InShellContext);
}
