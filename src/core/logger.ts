/** The logging the core needs; adapters pass pino (or a silent logger in tests). */
export type Logger = {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
