import { closeSync, existsSync, openSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeErrno } from './errno.js';
import { InputError } from './exitCodes.js';
import type { CliIo } from './io.js';

/**
 * The files the CLI reads and writes, checked where they are named: an input that is missing or is a
 * folder, and an output in a folder that does not exist, onto a folder, or where the system refuses to
 * write, are each one line naming the path (exit 2) — found before any work starts, never a stack
 * trace after it.
 */

/**
 * The absolute path of an input file named on the command line, after checking it is there and is a
 * file: a folder given where a file is meant says so. `what` names the input in the message
 * ("organ directory", "--calendar").
 */
export function inputFile(name: string, what: string, io: CliIo): string {
  const file = resolve(io.cwd, name);
  if (!existsSync(file)) throw new InputError(`${what} ${name}: no such file`, { zh: `${what} ${name}：没有这个文件` });
  if (statSync(file).isDirectory()) throw new InputError(`${what} ${name}: is a folder, not a file`, { zh: `${what} ${name}：是文件夹，不是文件` });
  return file;
}

function outputProblem(option: string, name: string, file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const folder = dirname(file);
  if (code === 'ENOENT' && !existsSync(folder)) return new InputError(`${option} ${name}: the folder ${folder} does not exist`, { cause: error, zh: `${option} ${name}：文件夹 ${folder} 不存在` });
  if (code === 'EISDIR' || (existsSync(file) && statSync(file).isDirectory())) return isAFolder(option, name);
  return writeProblem(option, name, error);
}

/**
 * Opens an output file for writing (created, or emptied) and returns its descriptor, before the run
 * starts; `option` (`--out`) and the name as given make the message.
 */
export function openOutputFile(name: string, option: string, io: CliIo): number {
  const file = resolve(io.cwd, name);
  if (existsSync(file) && statSync(file).isDirectory()) throw isAFolder(option, name);
  try {
    return openSync(file, 'w');
  } catch (error) {
    throw outputProblem(option, name, file, error);
  }
}

/**
 * Checks, before the run starts, that a file written only at its end (`--summary`) can be written:
 * it is opened for appending, which neither empties an existing file nor leaves a new one behind.
 * Returns the absolute path.
 */
export function checkWritableFile(name: string, option: string, io: CliIo): string {
  const file = resolve(io.cwd, name);
  if (existsSync(file) && statSync(file).isDirectory()) throw isAFolder(option, name);
  const existed = existsSync(file);
  try {
    closeSync(openSync(file, 'a'));
  } catch (error) {
    throw outputProblem(option, name, file, error);
  }
  if (!existed) unlinkSync(file);
  return file;
}

/** The error of writing a file at the end of a run, as one line naming it. */
export function writeProblem(option: string, name: string, error: unknown): InputError {
  return new InputError(`${option} ${name}: cannot be written: ${describeErrno(error)}`, { cause: error, zh: `${option} ${name}：无法写入：${describeErrno(error, 'zh')}` });
}

function isAFolder(option: string, name: string): InputError {
  return new InputError(`${option} ${name}: is a folder, not a file`, { zh: `${option} ${name}：是文件夹，不是文件` });
}
