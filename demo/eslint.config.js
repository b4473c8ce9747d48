// ESLint 10 uses the config nearest to each file: the package's rules, plus the demo's build output ignored.
import { globalIgnores } from 'eslint/config';
import root from '../eslint.config.js';

export default [...root, globalIgnores(['dist/'])];
