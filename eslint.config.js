// `npm run lint` (run first by `npm test`): typescript-eslint, React hooks, jsx-a11y, and the
// project's own boundaries, so that the layout in the README is kept by the tools.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const DATABASE_CLIENT = {
  patterns: [
    {
      group: ["~/data/db.server", "**/data/db.server", "~/generated/*", "**/generated/prisma/*"],
      message: "Only app/data/ talks to the database: call a data module.",
    },
  ],
};

export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", ".react-router/**", "node_modules/**", "test-results/**", "playwright-report/**", "data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat["recommended-latest"] ?? reactHooks.configs["recommended-latest"],
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": ["error", DATABASE_CLIENT],
    },
  },
  {
    // The data layer and the database's own set-up and seed code may use the client.
    files: ["app/data/**", "prisma/**", "test/**", "scripts/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Data modules return results; HTTP answers are the routes' business.
    files: ["app/data/**"],
    ignores: ["app/data/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "react-router", message: "Data modules return WriteResult; routes build responses." }] }],
    },
  },
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "test/**"],
    // Tests read answers of any shape (route results, parsed JSON) and assert on them.
    rules: { "@typescript-eslint/no-non-null-assertion": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
);
