import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for the operations the backoffice uses, generated from the SDL on disk (STYLE.md 3.11).
// documentMode 'string' keeps the `graphql` runtime out of the bundle: documents are plain strings.
const config: CodegenConfig = {
  schema: '../../graph/schema.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**', '!src/**/*.test.{ts,tsx}', '!src/testing/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        strictScalars: true,
        enumsAsTypes: true,
        scalars: { Time: 'string', Upload: 'File | Blob' },
      },
    },
  },
};

export default config;
