/**
 * Cases whose expected results come from running moby/patternmatcher 0.5.0's code under Go 1.19
 * (whose `filepath.Match` is the same as Go 1.23's in what is checked here), on generated patterns
 * full of the characters where Go and JavaScript differ.
 * Each expectation is two letters: MatchesOrParentMatches, then the walker's
 * MatchesUsingParentResults handed down the path's parents; T match, F no match, E error.
 */
import { describe, expect, it } from 'vitest';
import { newPatternMatcher, NO_MATCH_INFO, type MatchResult, type PatternMatcher } from '../../../src/engine/context/index.ts';

const cases: [string[], string, string][] = [
  [["|*\\d"], "[^/a[[|", 'TT'],
  [["|![^a]!*","/**]","^"], "-b|}", 'TT'],
  [["**/"], "ééé", 'TT'],
  [["/:**/].","!2.","|[a-b]"], "^{a", 'TT'],
  [["*-","/*2.","\\d\\d|"], "}", 'TT'],
  [["[^a]**/"], "b^[^{", 'TT'],
  [["{|?"], "babbé.", 'TT'],
  [["|^[^a]/b!","]/"], "|", 'TT'],
  [["|:?"], "|^--éb", 'TT'],
  [["?","**/bb"], "é", 'TT'],
  [["\\[[:alpha:]]é-|"], "./é", 'TT'],
  [["*]\\,","|[[:alpha:]][^a]"], "a/^", 'TT'],
  [["*"], "[[}[", 'TT'],
  [["!é\\[a-b][a-b]","[a-b]|\\[^**/"], "bébb{", 'TT'],
  [["^**//","/**}2[^a][^a]]"], "^.^^{", 'TT'],
  [["!^","|[a-b],/**^","^[a-b]\\*}"], "aa", 'TT'],
  [["**/"], "^|", 'TT'],
  [["-2.*","**/","/**"], "}", 'TT'],
  [["**/","**/,","^!\\d!*"], "}-/}b", 'TT'],
  [[":\\^{",".,*]|"], "a", 'TT'],
  [["[^a]","-{b[^a]|"], "[|b[a{", 'TT'],
  [["**//**","é"], "||-b", 'TT'],
  [["]!/^^|","}!,",":--|\\2"], "[b-", 'TT'],
  [["|?"], "éb[--", 'TT'],
  [["!a","!?","{*/**|**/"], "^[{-é", 'TT'],
  [["|][^a].é-"], "^-|.", 'TT'],
  [["b?\\d|"], "||a[[{", 'TT'],
  [["[^a],-[^a][[:alpha:]]|"], "}}{}", 'TT'],
  [["!é.","*"], ".ba^é^", 'TT'],
  [["|[^a]b","[^a]"], "é}}|a^/", 'TT'],
  [["!é:","**/"], "b|}^./", 'TT'],
  [["{\\?|"], "é/.", 'TT'],
  [["2:","*"], "}.b^^", 'TT'],
  [["\\[[:alpha:]],2.*","\\\\d-[^a]**/|","!|"], "[.é.{", 'TT'],
  [["**/"], "b/", 'TT'],
  [["[![^a]","|/**![a-b]a^","[2]"], "}}", 'TT'],
  [["2","[^a]"], ".", 'TT'],
  [["|\\:!**/"], "[/{}{|", 'TT'],
  [["**/|é[^a]2**/","*[a-b],é//","é"], "aa-|/aé", 'TT'],
  [["|\\d{^","!-?**//**[[:alpha:]]2","!}[^a]!{"], "}a|}.", 'TT'],
  [["]|[[:alpha:]],-"], "}é^éba-", 'FF'],
  [[":*:*"], "|b-", 'FF'],
  [["!2:*[^a]2","a","!\\d"], "{b-/.a|", 'FF'],
  [["!]|}","!.**//^"], "|b", 'FF'],
  [["\\[{?2^"], "^}é^[^[", 'FF'],
  [["^[a-b][[:alpha:]]"], "^//{/", 'FF'],
  [["!?-"], ".a}-}", 'FF'],
  [["{",":./\\d"], "|.[-||", 'FF'],
  [["!\\d*!]"], "a", 'FF'],
  [["**/![^a]a"], "}}/b.", 'FF'],
  [[",/"], "|", 'FF'],
  [["!é]^*","*-/!"], "}é./.", 'FF'],
  [["{,|/**]"], "[}|-", 'FF'],
  [["!!]","![a-b]::"], "-[", 'FF'],
  [["!|-]b*-"], "^-}.", 'FF'],
  [["/é:[[:alpha:]][^a]"], "/^-a{ba", 'FF'],
  [["!/**-{","[[:alpha:]][[:alpha:]]"], ".a", 'FF'],
  [["-]]é[^a]"], "[^aa/|/", 'FF'],
  [[",?/"], "-[-{}^b", 'FF'],
  [["/**[[:alpha:]]*}."], "|{-", 'FF'],
  [[".-{"], "b}éa", 'FF'],
  [["!]]","[a-b]]/"], "-{.-a", 'FF'],
  [["![^a]^2","2\\*\\\\","![^a]]?"], "/", 'FF'],
  [["."], "a{[--^", 'FF'],
  [["/**[[:alpha:]],}","[[[:alpha:]][[:alpha:]]\\**/}"], "|^[[.{[", 'FF'],
  [["a[^a]!"], ".[a", 'FF'],
  [["[a-b][^a]}]","?a"], "b.", 'FF'],
  [["]","a"], "[{{", 'FF'],
  [["!a,?[[:alpha:]]é[a-b]","./2[a-b]éb"], "é-a{a.", 'FF'],
  [["![^a]b!]**/-"], ".||", 'FF'],
  [["\\2a[a-b]//","b","!/**b\\d{"], "[{[[aa/", 'EE'],
  [["[/[[:alpha:]]2,**/","]\\2","!!*-}[a-b]"], ".|/}a^", 'EE'],
  [["\\é","!*\\d.[a-b]","!b/**"], "-.|b{^", 'EE'],
  [["\\2/**:\\:"], "|/", 'EE'],
  [["!^],]?a","/][^a][^a]}","\\2:?-{"], "^/", 'EE'],
  [["[^a]","|[a-b][a-b]/\\2"], "a/", 'EE'],
  [["\\é?2**/","|{^-",","], "/}.béa|", 'EE'],
  [["./**é[*[^a]","[*[[:alpha:]]\\2[^a]"], "^{^", 'EE'],
  [["[^a],é\\é","[a-b]-é**","a?{!**/"], "[-", 'EE'],
  [["2.é\\é:","**/-:"], ".}", 'EE'],
  [["[[:alpha:]].-].2","!/{*-^2",",/**[a-b][[:alpha:]]\\2"], "^-^a.", 'EE'],
  [["\\é?","}"], "b", 'EE'],
  [["!^**/","\\é^[^a]?","-b/**]!"], "/{{/-", 'EE'],
  [["é.[a-b]?","/[[:alpha:]]:\\é","a*"], "a.}", 'EE'],
  [["![[:alpha:]]","\\[a-b]*[[:alpha:]]",":\\d[a-b]\\2**/"], "^{}", 'EE'],
  [["[^a]"], "/{b^}", 'TF'],
  [["|:**//",":{!??","/"], "/{[.", 'TF'],
  [["/"], "/{{^[", 'TF'],
  [["/","!aé|"], "/.", 'TF'],
  [["[^a]","/**{"], "/-|^", 'TF'],
];

const letter = (r: MatchResult) => (r.error ? 'E' : r.matched ? 'T' : 'F');

/** What BuildKit's walker gets for `path`: each parent matched first, its result handed down. */
function walk(m: PatternMatcher, path: string): MatchResult {
  const parts = path.split('/');
  let info = NO_MATCH_INFO;
  let result: MatchResult = { matched: false, error: null };
  for (let i = 0; i < parts.length; i++) {
    const step = m.matchesUsingParentResults(parts.slice(0, i + 1).join('/'), info);
    result = step;
    if (step.error) break;
    info = step.info;
  }
  return result;
}

describe('patternmatcher against Go on generated inputs', () => {
  it.each(cases)('%j ~ %j → %s', (patterns, path, expected) => {
    const built = newPatternMatcher(patterns);
    expect(built.error).toBeNull();
    const m = built.matcher!;
    expect(letter(m.matchesOrParentMatches(path)) + letter(walk(m, path))).toBe(expected);
  });
});

// New checks each pattern with filepath.Match(pattern, "."), which stops at the first chunk that
// fails to match: a malformed class after a star is not seen there, so New accepts the pattern
// and the error (if any) comes when a path is matched. Results of moby/patternmatcher under Go
// 1.19: Matches, MatchesOrParentMatches, then the walker's MatchesUsingParentResults.
const acceptedByNew: [string[], string, string][] = [
  [['y*['], 'y', 'EEE'],
  [['y*['], 'x', 'EEE'],
  [['*.md/**[]a]'], 'README.md/x', 'FFF'],
  [['a/b*['], 'a/c', 'EEE'],
  [['a*\\'], 'b', 'FFF'],
  [['node_modules', '!keep*['], 'node_modules/x', 'EEE'],
  [['docs/*.md*[z-'], 'src', 'EEE'],
  [['x*[a-'], 'x', 'EEE'],
];

describe('patterns whose syntax error filepath.Match does not reach', () => {
  it.each(acceptedByNew)('%j ~ %j → %s', (patterns, path, expected) => {
    const built = newPatternMatcher(patterns);
    expect(built.error).toBeNull();
    const m = built.matcher!;
    expect(letter(m.matches(path)) + letter(m.matchesOrParentMatches(path)) + letter(walk(m, path))).toBe(expected);
  });
});
