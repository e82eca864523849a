import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for the operations in src/operations.ts, generated from the SDL on disk.
// documentMode 'string' keeps the `graphql` runtime out of bundles: documents are plain strings.
const config: CodegenConfig = {
  schema: '../../graph/schema.graphqls',
  documents: ['src/**/*.ts', '!src/gql/**', '!src/**/*.test.ts'],
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
