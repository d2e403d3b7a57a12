import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const IO_AND_FRAMEWORKS = [
  "next",
  "next/*",
  "react",
  "react-dom",
  "react/*",
  "@prisma/*",
  "prisma",
  "openai",
  "openai/*",
  "pg",
  "ioredis",
  "bullmq",
  "fs",
  "fs/*",
  "node:fs",
  "node:fs/*",
  "net",
  "node:net",
  "http",
  "node:http",
  "https",
  "node:https",
  "child_process",
  "node:child_process",
];
const PRISMA = [
  "@prisma/client",
  "@prisma/client/*",
  "@/lib/db/generated",
  "@/lib/db/generated/*",
  "**/generated/*",
];
const APP_CODE = [
  "@/app/*",
  "@/components/*",
  "@/lib/db",
  "@/lib/db/*",
  "@/lib/server",
  "@/lib/server/*",
  "@/lib/query/*",
];

/** Import boundaries of ARCHITECTURE.md section 1; a violation fails `npm run lint`. */
const boundary = (files, patterns, message) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      ".test-data/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  boundary(
    ["lib/engine/**"],
    [...IO_AND_FRAMEWORKS, ...APP_CODE, ...PRISMA, "@/lib/nodes", "@/lib/nodes/*"],
    "lib/engine is pure: no I/O, frameworks or app code (ARCHITECTURE.md section 1).",
  ),
  boundary(
    ["lib/nodes/**"],
    [...IO_AND_FRAMEWORKS, ...APP_CODE, ...PRISMA],
    "lib/nodes reaches the world only through ctx ports; it may import lib/engine only.",
  ),
  {
    files: ["components/**", "lib/query/**", "lib/schemas/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/db/*", "@/lib/server", "@/lib/server/*", ...PRISMA],
              allowTypeImports: true,
              message:
                "UI code and shared schemas never import lib/db or lib/server (type imports are fine).",
            },
          ],
        },
      ],
    },
  },
  boundary(
    ["app/**"],
    ["@/lib/db", "@/lib/db/*", ...PRISMA],
    "app/ calls lib/server; only lib/db touches the database.",
  ),
  boundary(
    ["lib/server/**", "scripts/**", "e2e/**"],
    PRISMA,
    "Only lib/db imports the Prisma client.",
  ),
);
