// Lets cucumber-js load the TypeScript step definitions (cucumber-js docs/transpiling.md, ESM).
import { register } from 'tsx/esm/api';
register();
