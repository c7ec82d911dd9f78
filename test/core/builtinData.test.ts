import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinDataModuleText, builtinFilesModule } from '../../scripts/builtinDataModule.js';
import { builtinCatalogue } from '../../src/catalogue/builtinCatalogue.js';
import { loadCatalogue } from '../../src/node/loadCatalogue.js';
import { listPackFolder, loadPacksFromDir, packFolders, readPackFolder } from '../../src/node/packFolder.js';
import { builtinRulesDir } from '../../src/node/packageRoot.js';
import { builtinPackFiles, builtinCatalogueFiles, builtinCountingFile, builtinPolicyFile } from '../../src/rules/builtinFiles.js';
import { loadBuiltinPacks } from '../../src/rules/builtinPacks.js';

/**
 * Issue 12 §1: the core works from a bundled copy of `rules/`, and rules/ stays the source authors
 * edit. The bundled index must list exactly the files on disk (a file added or removed needs
 * `npm run builtin-data`), and what it holds must be those files' content, so the two cannot drift.
 */
const rulesDir = builtinRulesDir();
const root = join(rulesDir, '..');
const onDisk = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

describe('the bundled built-in law', () => {
  it('is indexed by the committed module as scripts/builtinDataModule.ts writes it from rules/ (else: npm run builtin-data)', () => {
    expect(readFileSync(join(root, builtinFilesModule), 'utf8')).toBe(builtinDataModuleText(rulesDir));
  });

  it('holds every pack file of rules/, in the order and with the content the Node loader reads', () => {
    const fromDisk = packFolders(rulesDir).map((dir) => readPackFolder(listPackFolder(dir)));
    expect(builtinPackFiles.map((p) => p.source)).toEqual(['rules/beijing-2006', 'rules/op2007', 'rules/shanghai-2012', 'rules/xf2005', 'rules/xfgz2022', 'rules/zhejiang-2016']);
    expect(builtinPackFiles).toEqual(fromDisk);
  });

  it('gives the same packs as reading rules/ from disk', () => {
    expect(loadBuiltinPacks()).toEqual(loadPacksFromDir(rulesDir));
  });

  it('holds the policy, the counting rules and every provisions catalogue as they are on disk', () => {
    expect(builtinPolicyFile).toEqual({ file: 'rules/policy.json', value: onDisk('rules/policy.json') });
    expect(builtinCountingFile).toEqual({ file: 'rules/counting.json', value: onDisk('rules/counting.json') });
    for (const c of builtinCatalogueFiles) expect(c.value, c.file).toEqual(onDisk(c.file));
    expect(builtinCatalogue().map((c) => c.data)).toEqual(loadCatalogue(rulesDir).map((c) => c.data));
    expect(builtinCatalogueFiles.map((c) => c.file)).toEqual([
      'rules/beijing-2006/provisions.json',
      'rules/civil-code/provisions.json',
      'rules/civil-procedure-law/provisions.json',
      'rules/holiday-measures/provisions.json',
      'rules/op2007/provisions.json',
      'rules/shanghai-2012/provisions.json',
      'rules/xf2005/provisions.json',
      'rules/xfgz2022/provisions.json',
      'rules/zhejiang-2016/provisions.json',
    ]);
  });
});
