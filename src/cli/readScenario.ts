import { readFileSync, statSync } from 'node:fs';
import { LIMITS } from '../core/scenario/limits';
import { UserError } from './failures';

/**
 * Reads a scenario file as JSON. Every way this can fail is the user's to fix, so each
 * becomes a UserError naming the file: missing, a directory, unreadable, too large, not
 * UTF-8 JSON (with the line and column where parsing stopped).
 */
export function readScenarioFile(file: string): unknown {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > LIMITS.scenarioBytes) throw new UserError([`${file}: is ${mb(size)}, more than the maximum of ${mb(LIMITS.scenarioBytes)} for a scenario`]);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new UserError([
      err.code === 'ENOENT' ? `${file}: no such file`
      : err.code === 'EISDIR' ? `${file}: is a directory, not a scenario file`
      : err.code === 'EACCES' ? `${file}: cannot be read (permission denied)`
      : `${file}: cannot be read (${err.code ?? err.message})`,
    ]);
  }
  return parseJson(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw new UserError([`${file}: cannot be parsed as JSON (${(e as Error).message})`]);
    const at = /at position (\d+)/.exec(e.message);
    const pos = at ? Number(at[1]) : /end of JSON input/.test(e.message) ? text.length : null;
    const where = pos === null ? '' : ` at ${lineColumn(text, pos)}`;
    const reason = e.message.replace(/\s*in JSON at position \d+.*$/, '').replace(/^Unexpected end of JSON input$/, 'unexpected end of input');
    throw new UserError([`${file}: not valid JSON${where}: ${reason.slice(0, 200)}`]);
  }
}

/** "line L, column C" (both from 1) of a character offset. */
function lineColumn(text: string, pos: number): string {
  let line = 1, start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${pos - start + 1}`;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
