/**
 * The text a person sees for a thrown error: a LakeformError (or anything else with a
 * `format()`) prints its one-paragraph form with code and hint, other errors their message.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const format = (error as { format?: unknown }).format;
    if (typeof format === 'function') {
      const text: unknown = format.call(error);
      if (typeof text === 'string') return text;
    }
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return message;
  }
  return String(error);
}
