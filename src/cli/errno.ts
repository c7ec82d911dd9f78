/**
 * A system error in words, for the CLI's one-line messages: the meaning of its code ("no space left on
 * device (ENOSPC)") rather than Node's message with the call that failed, or the message itself when
 * there is no code (an error of a stream, say).
 */
export function describeErrno(error: unknown, lang: 'en' | 'zh' = 'en'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = lang === 'zh' ? ZH : EN;
  if (code !== undefined && words[code] !== undefined) return `${words[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

const ZH: Record<string, string> = {
  ENOENT: '没有这个文件或文件夹',
  EISDIR: '是文件夹，不是文件',
  ENOTDIR: '路径中有一段是文件而不是文件夹',
  EACCES: '没有权限',
  EPERM: '不允许的操作',
  EROFS: '只读文件系统',
  ENOSPC: '设备上没有剩余空间',
  EDQUOT: '超出磁盘配额',
  EFBIG: '文件过大',
  EIO: '输入/输出错误',
  EPIPE: '读取方已关闭',
  EMFILE: '打开的文件过多',
};

const EN: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EPIPE: 'the reader has gone away',
  EMFILE: 'too many open files',
};

