import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MAX_README_LINES = 160;

/** README.md and every page in docs/, as paths relative to the repository. */
function documentationFiles(): string[] {
  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', ...docs.sort()];
}

/**
 * Files a fresh clone has: tracked or not ignored by git (so node_modules, dist and .data do not count).
 * Without git, whatever is on disk.
 */
function repositoryFiles(): ((path: string) => boolean) | null {
  try {
    const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
    const files = new Set(listed.split('\0').filter(Boolean));
    const folders = new Set(
      [...files].flatMap((file) =>
        file
          .split('/')
          .slice(0, -1)
          .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
      ),
    );
    return (path) => path === '' || files.has(path) || folders.has(path);
  } catch {
    return null;
  }
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCode(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading?.[1]) continue;
    const slug = heading[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Fenced blocks and code spans blanked, so that examples are not read as links or headings. */
function withoutCode(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (span) => ' '.repeat(span.length));
}

/** The targets of inline links and images (`[text](target)`) and of reference definitions (`[id]: target`). */
function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown);
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+["'(][^)]*)?\)/g)].map((match) => match[1] ?? '');
  const references = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/gm)].map((match) => match[1] ?? '');
  return [...inline, ...references].map((target) => target.replace(/^<|>$/g, ''));
}

/** What is wrong with one link of `file` (a path relative to the repository), or null when it is fine. */
function linkProblem(
  file: string,
  target: string,
  exists: (path: string) => boolean,
  anchorsOf: (path: string) => Set<string> | null,
): string | null {
  if (/^(https?|mailto):/i.test(target)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return `${target}: not a link into the repository`;
  const [pathPart = '', anchor] = target.split('#', 2);
  const path = decodeURIComponent(pathPart);
  if (isAbsolute(path) || path.startsWith('~')) return `${target}: points outside the repository`;
  // A bare `#anchor` is a heading of the same file.
  const resolved = path === '' ? file.split('/').join(sep) : relative(root, resolve(root, dirname(file), path));
  if (resolved === '..' || resolved.startsWith(`..${sep}`) || isAbsolute(resolved)) return `${target}: points outside the repository`;
  const inRepository = resolved.split(sep).join('/');
  if (!exists(inRepository)) return `${target}: ${inRepository || '.'} is not in the repository`;
  if (anchor !== undefined && anchor !== '' && inRepository.endsWith('.md')) {
    const anchors = anchorsOf(inRepository);
    if (anchors && !anchors.has(anchor.toLowerCase())) return `${target}: no heading "#${anchor}" in ${inRepository}`;
  }
  return null;
}

function problemsIn(files: string[]): string[] {
  const tracked = repositoryFiles();
  const exists = tracked ?? ((path: string) => existsSync(join(root, path)));
  const anchorsOf = (path: string) =>
    path.endsWith('.md') && existsSync(join(root, path)) ? headingAnchors(readFileSync(join(root, path), 'utf8')) : null;
  return files.flatMap((file) =>
    linkTargets(readFileSync(join(root, file), 'utf8')).flatMap((target) => {
      const problem = linkProblem(file, target, exists, anchorsOf);
      return problem ? [`${file}: ${problem}`] : [];
    }),
  );
}

describe('the documentation', () => {
  it(`keeps the README a quick start of at most ${MAX_README_LINES} lines (the rest belongs in docs/)`, () => {
    const lines = readFileSync(join(root, 'README.md'), 'utf8').replace(/\n$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(MAX_README_LINES);
  });

  it('links only to files and headings that exist in the repository, never outside it', () => {
    const files = documentationFiles();
    expect(files.length).toBeGreaterThan(1);
    expect(problemsIn(files)).toEqual([]);
  });

  it('links every page in docs/ from the README', () => {
    const linked = new Set(linkTargets(readFileSync(join(root, 'README.md'), 'utf8')).map((target) => target.split('#')[0]));
    const unlinked = documentationFiles().filter((file) => file !== 'README.md' && !linked.has(file));
    expect(unlinked).toEqual([]);
  });

  it('detects a link outside the repository, a missing file and a missing heading', () => {
    const exists = (path: string) => ['README.md', 'docs/api.md', 'docs'].includes(path);
    const anchorsOf = () => new Set(['api-conventions']);
    expect(linkProblem('README.md', '../shared/DOMAIN.md', exists, anchorsOf)).toMatch(/outside the repository/);
    expect(linkProblem('docs/api.md', '../../shared/DOMAIN.md', exists, anchorsOf)).toMatch(/outside the repository/);
    expect(linkProblem('README.md', '/work/shared/DOMAIN.md', exists, anchorsOf)).toMatch(/outside the repository/);
    expect(linkProblem('README.md', 'file:///etc/passwd', exists, anchorsOf)).toMatch(/not a link into the repository/);
    expect(linkProblem('README.md', 'docs/missing.md', exists, anchorsOf)).toMatch(/not in the repository/);
    expect(linkProblem('README.md', 'docs/api.md#no-such-heading', exists, anchorsOf)).toMatch(/no heading/);
    expect(linkProblem('README.md', 'docs/api.md#api-conventions', exists, anchorsOf)).toBeNull();
    expect(linkProblem('docs/api.md', '../README.md', exists, anchorsOf)).toBeNull();
    expect(linkProblem('docs/api.md', '#api-conventions', exists, anchorsOf)).toBeNull();
    expect(linkProblem('docs/api.md', '#nowhere', exists, anchorsOf)).toMatch(/no heading/);
    expect(linkProblem('README.md', 'https://example.se/', exists, anchorsOf)).toBeNull();
  });

  it('reads links outside code only, and anchors as GitHub makes them', () => {
    expect(linkTargets('[a](docs/a.md) `[b](b.md)`\n```\n[c](c.md)\n```\n[d]: <docs/d.md>\n![e](e.png "title")')).toEqual([
      'docs/a.md',
      'e.png',
      'docs/d.md',
    ]);
    expect([...headingAnchors('# Personal data (GDPR)\n## E-mail notifications\n## Notes\n## Notes\n```\n# not a heading\n```')]).toEqual([
      'personal-data-gdpr',
      'e-mail-notifications',
      'notes',
      'notes-1',
    ]);
  });
});
