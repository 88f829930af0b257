import type { CodegenConfig } from "@graphql-codegen/cli";

/** Typed documents from the server's schema; documents live beside the components using them. */
const config: CodegenConfig = {
  schema: "../server/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: true,
  errorsOnly: true,
  generates: {
    "./src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: "string", Date: "string", JSON: "unknown", ID: "string" },
        nonOptionalTypename: true,
      },
    },
    // Minified introspection for graphcache: it must know unions (every mutation result is one).
    "./src/gql/introspection.ts": {
      plugins: ["urql-introspection"],
      config: {
        useTypeImports: true,
        includeScalars: false,
        includeEnums: false,
        includeInputs: false,
        includeDirectives: false,
      },
    },
  },
};

export default config;
