import { appCodegen } from '@kyc/sdk/codegen';

// The backoffice's operations, next to the screens that use them (STYLE.md 3.11); the SDK holds the config.
export default appCodegen(['src/**/*.{ts,tsx}', '!src/**/*.test.{ts,tsx}', '!src/testing/**']);
