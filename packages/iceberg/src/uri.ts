import { fileURLToPath, pathToFileURL } from 'node:url';

/** Iceberg locations are URIs; local tables use `file://` ones so other readers resolve them. */
export function uriFromPath(path: string): string {
  return pathToFileURL(path).href;
}

export function pathFromUri(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}
