import tseslint from 'typescript-eslint';

// From inside server/modules/<a>/, `../<b>/<file>` reaches into another module: only index is allowed.
const moduleBoundary = {
  regex: '^\\.\\./(?!\\.)[^/]+/(?!index(\\.ts)?$)[^/]+$',
  message: 'Import another module only through its index.ts.',
};

// The evaluation modules depend one way: criteria → assessment → appraisal → results (decision
// 023). Each may not import the modules after it. Tests are exempt: a test of an earlier module
// may drive a sheet through later stages (e.g. publish results to check the lock) via their index.
const evaluationLayers = ['criteria', 'assessment', 'appraisal', 'results'];
const serverModulePatterns = [
  moduleBoundary,
  { group: ['**/web/**'], message: 'server never imports web' },
];
const evaluationDirection = evaluationLayers.slice(0, -1).map((layer, i) => {
  const later = evaluationLayers.slice(i + 1);
  return {
    files: [`server/modules/${layer}/**/*.ts`],
    ignores: ['server/modules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...serverModulePatterns,
            {
              regex: `^\\.\\./(${later.join('|')})/`,
              message: `${layer} comes before ${later.join(', ')}: dependencies run criteria → assessment → appraisal → results.`,
            },
          ],
        },
      ],
    },
  };
});

// A web module (web/modules/<b>/) is reached from outside only through its surface: its `*.api.ts`
// files (queries, mutations, response types) and the components and hooks listed here, which
// other modules' pages embed. Add to the list deliberately; everything else stays private.
const webModuleSurface = [
  'campaigns/plan-access',
  'campaigns/plan-labels',
  // The plan page's tab registry and each module's contribution to it (web/shell/plan-tabs.ts).
  'campaigns/plan-tab-registry',
  'campaigns/plan-tabs',
  'evaluation/individual-checklist',
  'evaluation/plan-tabs',
  'evaluation/results-view',
  'evaluation/sheet-open-button',
  // The award history and discipline sections the person and unit pages embed.
  'honours/discipline-section',
  'honours/honours-section',
  'registrations/plan-tabs',
  'quotas/plan-tabs',
  'nominations/plan-tabs',
  // The dossier sections the nomination drawer and the plan tab embed (decision 045).
  'dossiers/dossier-section',
];
const webSurface = `(?:[^/]+/[^/]+\\.api|${webModuleSurface.join('|')})(?:\\.tsx?)?$`;
const webMessage =
  "Import another web module only through its *.api.ts or a file in eslint.config.js's webModuleSurface.";
const webNoServer = { group: ['**/server/**'], message: 'web never imports server' };
const webBoundary = (up) => ({
  regex: `^${up}(?!\\.)(?!${webSurface})[^/]+/.+$`,
  message: webMessage,
});

// SQL only in a capability's *.queries.ts: no `sql` tag and no query-builder entry point elsewhere
// in server/modules. The method names are Kysely's (Kysely, Transaction, QueryCreator); a call on
// any other object with one of these names would be flagged too, so keep them for Kysely.
const sqlMessage =
  "SQL goes in the capability's *.queries.ts (a function taking the executor first); call it from here.";
const queryBuilderCall =
  'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|with|withRecursive|replaceInto|mergeInto)$/]';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', '.tmp', 'coverage'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The untrusted-file worker's bootstrap is plain JS: a worker thread starts without tsx.
        projectService: { allowDefaultProject: ['*.js', 'server/platform/untrusted/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    files: ['server/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: serverModulePatterns,
        },
      ],
    },
  },
  ...evaluationDirection,
  {
    // SQL of a capability lives in its *.queries.ts (functions taking the executor first);
    // services, routes and rules call those. Tests and fixtures may build rows directly.
    files: ['server/modules/**/*.ts'],
    ignores: [
      'server/modules/**/*.queries.ts',
      'server/modules/**/*.test.ts',
      'server/modules/**/*.fixtures.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'kysely', importNames: ['sql'], message: sqlMessage }],
          patterns: [moduleBoundary, { group: ['**/web/**'], message: 'server never imports web' }],
        },
      ],
      'no-restricted-syntax': ['error', { selector: queryBuilderCall, message: sqlMessage }],
    },
  },
  {
    files: ['server/platform/**/*.ts'],
    ignores: ['server/platform/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**'], message: 'platform/ never imports a module' }] },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [webNoServer] }] },
  },
  {
    // From web/modules/<a>/x: `../<b>/…`; from web/ui, web/shell, web/api: `../modules/<b>/…`.
    files: ['web/modules/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [webNoServer, webBoundary('\\.\\./')] }],
    },
  },
  {
    files: ['web/modules/*/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [webNoServer, webBoundary('\\.\\./\\.\\./')] },
      ],
    },
  },
  {
    files: ['web/{ui,shell,api}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [webNoServer, webBoundary('\\.\\./modules/')] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
