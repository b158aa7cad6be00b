import { resolve } from 'node:path';

/**
 * The bundlers' `treeshake.moduleSideEffects` for every build that includes core/: a core module does nothing when
 * imported (core is pure, test/unit/architecture.test.ts), so the parts of core's face (core/<area>/index.ts) that a
 * build never uses are left out; modules outside core keep the bundler's default.
 */
export function sideEffectsOutsideCore(root: string): (id: string) => boolean {
  const core = `${resolve(root, 'core')}/`;
  return (id) => !id.startsWith(core);
}
