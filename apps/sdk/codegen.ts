import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * appCodegen is the one codegen config of the apps (the SDK and the backoffice, `pnpm gen` in
 * each): types for the operations in `documents`, generated from the SDL on disk into src/gql/.
 * documentMode 'string' keeps the `graphql` runtime out of bundles: documents are plain strings.
 * Paths are relative to the app that runs it (apps/<name>).
 */
export function appCodegen(documents: string[]): CodegenConfig {
  return {
    schema: '../../graph/*.graphqls',
    documents: [...documents, '!src/gql/**'],
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
          scalars: { Time: 'string', Upload: 'File | Blob', Map: 'Record<string, unknown>' },
        },
      },
    },
  };
}

// The SDK's operations are in src/operations.ts.
export default appCodegen(['src/**/*.ts', '!src/**/*.test.ts']);
