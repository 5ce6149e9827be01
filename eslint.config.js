// Lint: TypeScript rules plus the layer boundaries of ARCHITECTURE.md, enforced here so a
// wrong-way import fails `npm test` instead of being caught in review.
import fs from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';

// ---- Public faces: a folder with an index.ts is imported through that index from outside. ----
const ROOT = import.meta.dirname;
/** The path aliases' one definition (tsconfig.base.json `paths`), e.g. '@shared/' → src/shared. */
const ALIASES = Object.entries(JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths ?? {}).map(
  ([key, [target]]) => ({ prefix: key.slice(0, -1), dir: path.resolve(ROOT, target.slice(0, -2)) }),
);
/** Process entry points, not faces of a capability. */
const ENTRY_FOLDERS = ['src/main', 'src/preload', 'src/server'];
/**
 * Faces not (yet) enforced here. src/main/store: the store's own rule (nothing outside it
 * reaches its files) lands with the change that moves scoring's snapshot reader into it.
 */
const FACE_EXCEPTIONS = ['src/main/store'];

function faceFolders(dir, found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = path.join(dir, entry.name);
    const rel = path.relative(ROOT, sub).split(path.sep).join('/');
    if (FACE_EXCEPTIONS.some((e) => rel === e || rel.startsWith(`${e}/`))) continue;
    if (fs.existsSync(path.join(sub, 'index.ts')) && !ENTRY_FOLDERS.includes(rel)) found.push(sub);
    faceFolders(sub, found);
  }
  return found;
}
const FACES = faceFolders(path.join(ROOT, 'src'));

function resolveSpecifier(file, specifier) {
  if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier);
  const alias = ALIASES.find((a) => specifier.startsWith(a.prefix));
  return alias ? path.join(alias.dir, specifier.slice(alias.prefix.length)) : null;
}

const facesPlugin = {
  rules: {
    'index-only': {
      meta: {
        type: 'problem',
        schema: [],
        messages: { inner: "Import '{{face}}' through its index.ts, its public face; '{{inner}}' is internal to it." },
      },
      create(context) {
        const file = context.filename;
        const check = (source) => {
          if (!source || typeof source.value !== 'string') return;
          const target = resolveSpecifier(file, source.value);
          if (!target) return;
          for (const face of FACES) {
            if (!target.startsWith(face + path.sep) || file.startsWith(face + path.sep)) continue;
            const inner = path.relative(face, target).split(path.sep).join('/');
            if (inner === 'index' || inner === 'index.ts') continue;
            context.report({
              node: source,
              messageId: 'inner',
              data: { face: path.relative(ROOT, face).split(path.sep).join('/'), inner },
            });
            return;
          }
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
        };
      },
    },
  },
};

const layer = (type) => ({ element: { type } });
const core = { module: { origin: 'core' } };
const external = { module: { origin: 'external' } };
/** The renderer's layers, top to bottom; each may import those after it (features: not each other). */
const RENDERER_LAYERS = ['renderer-app', 'renderer-feature', 'renderer-components', 'renderer-data', 'renderer-api', 'renderer-lib'];
const BELOW_FEATURES = RENDERER_LAYERS.slice(2);

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
        {
          selector: "MemberExpression[property.name='$']",
          message: 'RxDB `.$` leaks every change it delivers: use changesOf() or eventBulks$ (src/main/store/changes.ts).',
        },
      ],
    },
  },
  {
    // The store owns its files (ARCHITECTURE.md): tables, columns and RxDB internals stay inside
    // src/main/store; others use its index.ts (or snapshot.ts, the scoring worker's reader).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/sqlite', '**/store/sqlite/*'],
              message:
                'Only src/main/store may import store/sqlite/*: use src/main/store (index.ts), or store/snapshot for read-only reads.',
            },
          ],
        },
      ],
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
        typescript: {
          project: ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json'],
          noWarnOnMultipleProjects: true,
          extensions: ['.ts', '.tsx', '.js'],
        },
        node: { extensions: ['.ts', '.tsx', '.js', '.json'] },
      },
      'boundaries/include': ['src/**/*'],
      // The renderer's own layers come first (the first matching element wins), top to bottom:
      // app → features/* → components → data → api → lib (ARCHITECTURE.md, docs/architecture-layers.md).
      'boundaries/elements': [
        { type: 'renderer-app', pattern: 'src/renderer/src/app' },
        { type: 'renderer-feature', pattern: 'src/renderer/src/features/*', capture: ['feature'] },
        { type: 'renderer-components', pattern: 'src/renderer/src/components' },
        { type: 'renderer-data', pattern: 'src/renderer/src/data' },
        { type: 'renderer-api', pattern: 'src/renderer/src/api' },
        { type: 'renderer-lib', pattern: 'src/renderer/src/lib' },
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
            // renderer: UI only — itself, shared, browser packages. The entry (main.tsx) mounts the app.
            { from: layer('renderer'), allow: { to: [layer('renderer'), ...RENDERER_LAYERS.map(layer), layer('shared'), external] } },
            // Inside the renderer every layer imports only the layers below it and src/shared.
            { from: layer('renderer-app'), allow: { to: [...RENDERER_LAYERS.map(layer), layer('shared'), external] } },
            // A feature stands alone: its own folder and the lower layers, never another feature or app/.
            {
              from: layer('renderer-feature'),
              allow: {
                to: [
                  { element: { type: 'renderer-feature', captured: { feature: '{{ from.element.captured.feature }}' } } },
                  ...BELOW_FEATURES.map(layer),
                  layer('shared'),
                  external,
                ],
              },
            },
            // Kept on purpose: the workshop projects the journey map (the same chart, legend and
            // lane metrics at projector size, where notes pin, the same PDF, and its styles). Only those files, nothing else of journey.
            {
              from: { element: { type: 'renderer-feature', captured: { feature: 'workshop' } } },
              allow: {
                to: {
                  element: {
                    type: 'renderer-feature',
                    captured: { feature: 'journey' },
                    fileInternalPath: [
                      'JourneyChart.tsx',
                      'JourneyLegend.tsx',
                      'journey-layout.ts',
                      'note-pins.ts',
                      'PdfButton.tsx',
                      'date-input.ts',
                      'journey.css',
                    ],
                  },
                },
              },
            },
            {
              from: layer('renderer-components'),
              allow: {
                to: [
                  layer('renderer-components'),
                  layer('renderer-data'),
                  layer('renderer-api'),
                  layer('renderer-lib'),
                  layer('shared'),
                  external,
                ],
              },
            },
            {
              from: layer('renderer-data'),
              allow: { to: [layer('renderer-data'), layer('renderer-api'), layer('renderer-lib'), layer('shared'), external] },
            },
            { from: layer('renderer-api'), allow: { to: [layer('renderer-api'), layer('renderer-lib'), layer('shared'), external] } },
            { from: layer('renderer-lib'), allow: { to: [layer('renderer-lib'), layer('shared'), external] } },
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
    // Tests may reach inside what they test; everything else goes through the public face.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { faces: facesPlugin },
    rules: { 'faces/index-only': 'error' },
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
