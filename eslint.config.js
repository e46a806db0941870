import tseslint from 'typescript-eslint';

// From inside server/modules/<a>/, `../<b>/<file>` reaches into another module: only index is allowed.
const moduleBoundary = {
  regex: '^\\.\\./(?!\\.)[^/]+/(?!index(\\.ts)?$)[^/]+$',
  message: 'Import another module only through its index.ts.',
};

// A web module (web/modules/<b>/) is reached from outside only through its surface: its `*.api.ts`
// files (queries, mutations, response types) and the components and hooks listed here, which
// other modules' pages embed. Add to the list deliberately; everything else stays private.
const webModuleSurface = [
  'campaigns/plan-access',
  'campaigns/plan-labels',
  'evaluation/dashboard-tab',
  'evaluation/individual-checklist',
  'evaluation/plan-evaluation',
  'evaluation/results-tab',
  'evaluation/results-view',
  'evaluation/sheet-open-button',
  'registrations/plan-registrations',
];
const webSurface = `(?:[^/]+/[^/]+\\.api|${webModuleSurface.join('|')})(?:\\.tsx?)?$`;
const webMessage =
  "Import another web module only through its *.api.ts or a file in eslint.config.js's webModuleSurface.";
const webNoServer = { group: ['**/server/**'], message: 'web never imports server' };
const webBoundary = (up) => ({
  regex: `^${up}(?!\\.)(?!${webSurface})[^/]+/.+$`,
  message: webMessage,
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', '.tmp', 'coverage'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
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
          patterns: [moduleBoundary, { group: ['**/web/**'], message: 'server never imports web' }],
        },
      ],
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
