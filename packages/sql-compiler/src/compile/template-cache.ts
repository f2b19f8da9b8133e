import { LakeformError } from '../errors.js';
import { JinjaSyntaxError, type Environment, type Template } from '../jinja/index.js';

/** Parses a template once per (name, source); syntax errors become located LakeformErrors. */
export class TemplateCache {
  private readonly cache = new Map<string, Template>();
  constructor(private readonly env: Environment) {}

  parse(source: string, name: string, node?: string): Template {
    const key = `${name}\u0000${source}`;
    let t = this.cache.get(key);
    if (!t) {
      try {
        t = this.env.parse(source, name);
      } catch (e) {
        if (e instanceof JinjaSyntaxError) {
          throw new LakeformError({
            code: 'E_JINJA_SYNTAX',
            message: e.message,
            location: { file: name, line: e.line, column: e.column },
            node,
            hint: 'fix the Jinja syntax at this line (every {% if %}, {% for %}, {% macro %} needs its end tag)',
            cause: e,
          });
        }
        throw e;
      }
      this.cache.set(key, t);
    }
    return t;
  }
}
