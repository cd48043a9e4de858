import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Core is the product's brain: it may not reach out to AWS, the environment, or outer layers. */
const coreBoundaries = {
  files: ['core/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*'],
            message: 'core never imports the AWS SDK or CDK: define a port.',
          },
          {
            group: ['**/functions/**', '**/infra/**', '**/adapters/**', '**/cli/**'],
            message: 'core never imports outer layers.',
          },
        ],
      },
    ],
    'no-restricted-properties': [
      'error',
      {
        object: 'process',
        property: 'env',
        message: 'core never reads the environment: pass config in.',
      },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'core takes the time from a Clock.',
      },
      {
        selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
        message: 'core takes the time from a Clock.',
      },
      {
        selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
        message: 'core is deterministic: use a seeded generator.',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  coreBoundaries,
  {
    // The dashboard's modules run in the browser, served as they are, without a bundler.
    files: ['dashboard/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
