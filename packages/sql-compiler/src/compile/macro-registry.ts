import { LakeformError } from '../errors.js';
import type { MacroDefinition } from '../jinja/index.js';
import type { FoundFile } from '../parse/discover-files.js';

export interface MacroEntry {
  name: string;
  packageName: string;
  uniqueId: string;
  def: MacroDefinition;
  file: FoundFile;
  /** Relative to its package root. */
  originalFilePath: string;
}

/** Every macro of every package, by package then name. */
export class MacroRegistry {
  private readonly byPackage = new Map<string, Map<string, MacroEntry>>();

  add(entry: MacroEntry): void {
    let pkg = this.byPackage.get(entry.packageName);
    if (!pkg) this.byPackage.set(entry.packageName, (pkg = new Map()));
    const existing = pkg.get(entry.name);
    if (existing) {
      throw new LakeformError({
        code: 'E_DUPLICATE_MACRO',
        message: `macro '${entry.name}' is defined twice in package '${entry.packageName}': in ${existing.originalFilePath} (line ${existing.def.line}) and in ${entry.originalFilePath} (line ${entry.def.line})`,
        location: { file: entry.file.relPath, line: entry.def.line },
        hint: 'rename or delete one of them',
      });
    }
    pkg.set(entry.name, entry);
  }

  get(packageName: string, name: string): MacroEntry | undefined {
    return this.byPackage.get(packageName)?.get(name);
  }

  hasPackage(name: string): boolean {
    return this.byPackage.has(name);
  }

  namesIn(packageName: string): string[] {
    return [...(this.byPackage.get(packageName)?.keys() ?? [])];
  }

  *all(): Iterable<MacroEntry> {
    for (const pkg of this.byPackage.values()) yield* pkg.values();
  }

  allNames(): Set<string> {
    const out = new Set<string>();
    for (const pkg of this.byPackage.values()) for (const n of pkg.keys()) out.add(n);
    return out;
  }
}
