// Lint: TypeScript rules plus the layer boundaries of ARCHITECTURE.md, enforced here so a
// wrong-way import fails `npm test` instead of being caught in review.
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';

const layer = (type) => ({ element: { type } });
const core = { module: { origin: 'core' } };
const external = { module: { origin: 'external' } };

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports (STYLE.md).' }],
    },
  },
  {
    files: ['*.config.ts', '*.config.js', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // RxDB 17.6's `collection.$` keeps every change it delivered in memory for good; see src/main/store/changes.ts.
    files: ['src/main/**/*.ts', 'test/bench/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (STYLE.md).' },
        { selector: "MemberExpression[property.name='$']", message: 'RxDB `.$` leaks every change it delivers: use changesOf() or eventBulks$ (src/main/store/changes.ts).' },
      ],
    },
  },
  {
    // The store owns its files (ARCHITECTURE.md): tables, columns and RxDB internals stay inside
    // src/main/store; others use its index.ts (or snapshot.ts, the scoring worker's reader).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/store/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/store/sqlite', '**/store/sqlite/*'], message: 'Only src/main/store may import store/sqlite/*: use src/main/store (index.ts), or store/snapshot for read-only reads.' }] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': {
        typescript: { project: ["tsconfig.node.json", "tsconfig.web.json", "tsconfig.e2e.json"], noWarnOnMultipleProjects: true, extensions: ['.ts', '.tsx', '.js'] },
        node: { extensions: ['.ts', '.tsx', '.js', '.json'] },
      },
      'boundaries/include': ['src/**/*'],
      'boundaries/elements': [
        { type: 'shared', pattern: 'src/shared/**' },
        { type: 'main', pattern: 'src/main/**' },
        { type: 'preload', pattern: 'src/preload/**' },
        { type: 'renderer', pattern: 'src/renderer/**' },
        { type: 'server', pattern: 'src/server/**' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          policies: [
            // shared: pure TypeScript — other shared code and pure packages, no Node, no DOM.
            { from: layer('shared'), allow: { to: [layer('shared'), external] } },
            // renderer: UI only — itself, shared, browser packages.
            { from: layer('renderer'), allow: { to: [layer('renderer'), layer('shared'), external] } },
            // preload: the bridge — shared contract and electron.
            { from: layer('preload'), allow: { to: [layer('preload'), layer('shared'), external] } },
            // main and server: Node processes — themselves, shared, any package, Node built-ins.
            { from: layer('main'), allow: { to: [layer('main'), layer('shared'), external, core] } },
            { from: layer('server'), allow: { to: [layer('server'), layer('shared'), external, core] } },
          ],
        },
      ],
    },
  },
  {
    // Node-only test code beside shared modules may read fixtures from disk.
    files: ['src/shared/**/*.test.ts'],
    rules: { 'boundaries/dependencies': 'off' },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require', '__dirname'].map(
          (name) => ({ name, message: 'src/shared is pure: no DOM and no Node (ARCHITECTURE.md).' }),
        ),
      ],
    },
  },
);
