import { opaBundleError } from './opa-bundle-error';
import type { OpaBundleFile } from './opa-bundle.types';
import { rootContains } from './bundle-roots';
import { regoPackagePath } from './rego-package';
import { regoPackageOf } from './rego-root';

const MODULE_NAME = /^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*\.rego$/;

/**
 * The module files of a bundle, each under the policy's root directory (`<root>/<name>`). Refuses
 * a name that is not a relative `.rego` path (`OPA_BUNDLE.MODULE_NAME_INVALID`), a module whose
 * package declaration cannot be read (`OPA_BUNDLE.PACKAGE_UNREADABLE`) and one whose package is
 * outside every root (`OPA_BUNDLE.PACKAGE_OUTSIDE_ROOTS`): OPA would refuse to activate it.
 */
export function bundleModules(modules: Readonly<Record<string, string>>, roots: readonly string[]): OpaBundleFile[] {
  const root = roots[0]!;
  return Object.entries(modules).map(([name, source]) => {
    if (!MODULE_NAME.test(name) || name.split('/').some((segment) => segment === '..' || segment === '.')) {
      throw opaBundleError('OPA_BUNDLE.MODULE_NAME_INVALID', `'${name}' is not a module file name: use a relative path ending in .rego`, { module: name });
    }
    const path = regoPackagePath(source);
    if (!path) {
      throw opaBundleError('OPA_BUNDLE.PACKAGE_UNREADABLE', `${name}: the module must start with a package declaration such as 'package ${regoPackageOf(root)}'`, { module: name });
    }
    if (!roots.some((r) => rootContains(r.split('/'), path))) {
      throw opaBundleError('OPA_BUNDLE.PACKAGE_OUTSIDE_ROOTS', `${name}: package '${path.join('.')}' is outside the bundle roots ${roots.join(', ')}`, { module: name, package: path.join('/'), roots });
    }
    return { name: `${root}/${name}`, bytes: Buffer.from(source, 'utf8') };
  });
}
