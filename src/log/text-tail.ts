/**
 * The last `count` lines of a command's output, for an error's details: trailing blanks and
 * leading empty lines dropped, `\r\n` read as a line end. Pure; '' when nothing is left.
 */
export function lastLines(text: string, count: number): string {
  const tail = text.trimEnd().split(/\r?\n/).slice(-count);
  while (tail.length > 0 && tail[0]!.trim() === '') tail.shift();
  return tail.join('\n');
}
