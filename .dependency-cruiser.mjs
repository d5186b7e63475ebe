// @ts-check
// The layering of /work/shared/design/architecture.md ("Layout"), held by a tool in `npm run lint`
// instead of by review. Run alone with `npx depcruise src`.

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import circles, type-only ones included: a circle of types is still two files that cannot be ' +
        'understood (or moved) one without the other, and the next value import along it breaks ' +
        'module initialisation order. Move the shared part one layer down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'modules-through-index',
      severity: 'error',
      comment:
        "A module uses another module only through that module's index.ts, the module's published " +
        'surface; its other files are free to change. If two modules need each other, the shared part ' +
        'belongs in shared/ or in the module that owns the data.',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'shared-not-modules',
      severity: 'error',
      comment: 'shared/ holds the building blocks modules stand on; it never reaches up into a module.',
      from: { path: '^src/shared/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'shared-not-app-or-db',
      severity: 'error',
      comment:
        'shared/ knows neither the server assembly (app/) nor the database set-up (db/): both are built from it.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(app|db)/' },
    },
    {
      name: 'modules-not-app',
      severity: 'error',
      comment: 'Modules are assembled by app/; they never import the assembly.',
      from: { path: '^src/modules/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'app-and-db-through-module-index',
      severity: 'error',
      comment:
        "app/ and db/ assemble the modules from what each module's index.ts exports (resolvers, " +
        'entities, jobs), not from its inner files. The demo data (db/demo/) is left out on purpose, as the ' +
        'layout had it before this rule: it seeds each module through its services, entities and enums the ' +
        "way that module's own tests do, and publishing all of those from index.ts only for the demo would " +
        "widen every module's surface.",
      from: { path: '^src/(app|db)/', pathNot: '^src/db/demo/' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: see no-circular.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    // Skip parsing what the rules never look at: only the project's own files matter here.
    exclude: { path: '^(node_modules|dist|web)/' },
    cache: false,
  },
};
