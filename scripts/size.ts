/**
 * Prints the size of a minified browser bundle of the core (`petition-rules`), raw and gzipped, as
 * the README's "Performance" section states it: `npm run size`. The bundle is the one a web
 * application gets from esbuild (scripts/browserBundle.ts): the library's code, its dependencies
 * (json-rules-engine, zod with its en and zh-CN messages, date-fns) and the built-in law as data.
 */
import { coreBundleSize } from './browserBundle.js';

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const { minified, gzipped } = await coreBundleSize();
console.log(`petition-rules core, browser bundle (esbuild, minified): ${kB(minified)} (${minified} bytes); gzipped: ${kB(gzipped)} (${gzipped} bytes)`);
