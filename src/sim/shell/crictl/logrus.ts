/**
 * crictl reports errors through logrus; on a terminal its TextFormatter prints `LEVL[SSSS] message`, where SSSS
 * is the whole seconds since the process started, zero-padded to four digits, and the message is padded to 44
 * columns and followed by a space (the colour codes around the level are left out: a terminal does not show
 * them). Source: github.com/sirupsen/logrus text_formatter.go (*TextFormatter).printColored,
 * `"\x1b[%dm%s\x1b[0m[%04d]%s %-44s "` then a newline.
 */
export type LogrusLevel = 'ERRO' | 'FATA' | 'WARN' | 'INFO';

export function logrusLine(level: LogrusLevel, secondsSinceStart: number, message: string): string {
  const seconds = String(Math.max(0, Math.floor(secondsSinceStart))).padStart(4, '0');
  return `${level}[${seconds}] ${message.padEnd(44, ' ')} \n`;
}
