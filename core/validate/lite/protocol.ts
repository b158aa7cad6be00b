import { Uscc } from '../generated/model';

/** Upper-cases and trims a code; returns it only when it has the 18-character USCC shape (as core/sources/protocol). */
export function normaliseUsccInput(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  return Uscc.safeParse(code).success ? code : undefined;
}
