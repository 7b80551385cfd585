// The part of js-yaml 4 the exercise loader uses (the package ships no types; Astro depends on it).
declare module 'js-yaml' {
  interface Mark {
    name: string | null;
    /** 0-based. */
    line: number;
    /** 0-based. */
    column: number;
  }
  class YAMLException extends Error {
    reason: string;
    mark?: Mark;
  }
  interface LoadOptions {
    filename?: string;
    json?: boolean;
  }
  function load(text: string, options?: LoadOptions): unknown;
  const yaml: { load: typeof load; YAMLException: typeof YAMLException };
  export default yaml;
  export { load, YAMLException };
}
