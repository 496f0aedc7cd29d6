/** What every section of the Run form gets: the engine it runs on, and the message for a field path, if any. */
export interface SectionProps {
  engineId: string;
  message(path: string): string | undefined;
}
