/** File-path checks of pkg/apis/core/validation/validation.go (volume paths, subPath, items). */
import { appendAll, goStr, invalid, type ValidationFieldError } from './field-error.ts';
import type { Path } from './field-path.ts';

// validatePathNoBacksteps: one error however many `..` elements there are
export function validatePathNoBacksteps(target: string, path: Path): ValidationFieldError[] {
  if (!target.includes('..')) return []; // no element can be `..`
  return target.replaceAll('\\', '/').split('/').includes('..')
    ? [invalid(path, goStr(target), "must not contain '..'")]
    : [];
}

// validateLocalDescendingPath: relative, and no `..` element
export function validateLocalDescendingPath(target: string, path: Path): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  if (target.startsWith('/')) errs.push(invalid(path, goStr(target), 'must be a relative path'));
  appendAll(errs, validatePathNoBacksteps(target, path));
  return errs;
}

// ValidateLocalNonReservedPath: also must not start with `..` (unless `../`, already reported)
export function validateLocalNonReservedPath(target: string, path: Path): ValidationFieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../'))
    errs.push(invalid(path, goStr(target), "must not start with '..'"));
  return errs;
}
