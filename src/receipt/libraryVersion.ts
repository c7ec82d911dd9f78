import pkg from '../../package.json' with { type: 'json' };

/**
 * The library's name and version, as a receipt records them: taken from package.json when the library
 * is built (the bundler inlines the import), so nothing is read from the file system at run time and
 * the core runs in a browser as it does in Node.
 */
export const LIBRARY: { readonly name: string; readonly version: string } = Object.freeze({ name: pkg.name, version: pkg.version });
