//! The documents hold together: README.md stays a page a newcomer reads in minutes (at most 150
//! lines), and every relative link between README.md, ARCHITECTURE.md and `docs/*.md` points at
//! a file that exists and, with `#anchor`, at a heading in it (GitHub's slugs). `make bench`
//! writes its tables into docs/speed.md between markers, so those must be there too.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const README_MAX_LINES: usize = 150;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md, ARCHITECTURE.md and every `docs/*.md`, as paths relative to the root.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![PathBuf::from("README.md"), PathBuf::from("ARCHITECTURE.md")];
    let mut more: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .expect("docs/ exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .map(|path| path.strip_prefix(root()).unwrap().to_path_buf())
        .collect();
    more.sort();
    docs.extend(more);
    docs
}

/// The lines outside fenced code blocks.
fn prose_lines(text: &str) -> Vec<&str> {
    let mut fenced = false;
    let mut lines = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            lines.push(line);
        }
    }
    lines
}

/// A line with its inline code spans emptied (`[{ path }](…)` in code is not a link).
fn without_code(line: &str) -> String {
    let mut out = String::new();
    for (i, part) in line.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
        }
    }
    out
}

/// The targets of `[text](target)` links on the prose lines.
fn links(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in prose_lines(text) {
        let line = without_code(line);
        let mut rest = line.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            found.push(after[..end].trim().to_string());
            rest = &after[end..];
        }
    }
    found
}

/// GitHub's anchor for a heading: lower case, punctuation dropped (but `-` and `_`), spaces as
/// `-`; a repeated heading gets `-1`, `-2`, ….
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    for line in prose_lines(text) {
        let Some(title) = line.strip_prefix('#') else {
            continue;
        };
        let title = title.trim_start_matches('#');
        if !title.starts_with(' ') {
            continue;
        }
        let slug: String = title
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let mut anchor = slug.clone();
        let mut n = 0;
        while !seen.insert(anchor.clone()) {
            n += 1;
            anchor = format!("{slug}-{n}");
        }
    }
    seen
}

fn is_external(target: &str) -> bool {
    target.contains("://") || target.starts_with("mailto:")
}

/// Every relative link of `doc` that does not resolve, with the reason.
fn broken_links(doc: &Path) -> Vec<String> {
    let text = fs::read_to_string(root().join(doc)).unwrap();
    let dir = doc.parent().unwrap_or(Path::new(""));
    let mut broken = Vec::new();
    for target in links(&text) {
        if target.is_empty() || is_external(&target) {
            continue;
        }
        let (path, anchor) = match target.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (target.as_str(), None),
        };
        let file = if path.is_empty() {
            doc.to_path_buf()
        } else {
            dir.join(path)
        };
        let full = root().join(&file);
        if !full.exists() {
            broken.push(format!(
                "{}: ({target}): {} does not exist",
                doc.display(),
                file.display()
            ));
            continue;
        }
        if let Some(anchor) = anchor {
            if full.extension().is_some_and(|ext| ext == "md")
                && !anchors(&fs::read_to_string(&full).unwrap()).contains(anchor)
            {
                broken.push(format!(
                    "{}: ({target}): no heading #{anchor} in {}",
                    doc.display(),
                    file.display()
                ));
            }
        }
    }
    broken
}

#[test]
fn the_readme_is_at_most_150_lines() {
    let lines = fs::read_to_string(root().join("README.md"))
        .unwrap()
        .lines()
        .count();
    assert!(
        lines <= README_MAX_LINES,
        "README.md has {lines} lines, more than {README_MAX_LINES}: move the detail into docs/"
    );
}

#[test]
fn every_relative_link_between_the_documents_resolves() {
    let docs = documents();
    assert!(docs.len() > 2, "docs/*.md found: {docs:?}");
    let broken: Vec<String> = docs.iter().flat_map(|doc| broken_links(doc)).collect();
    assert!(
        broken.is_empty(),
        "broken links:\n  {}",
        broken.join("\n  ")
    );
}

#[test]
fn the_readme_links_every_document_in_docs() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let linked: BTreeSet<String> = links(&readme).into_iter().collect();
    for doc in documents().iter().skip(2) {
        let target = doc.to_str().unwrap().replace('\\', "/");
        assert!(
            linked.contains(&target),
            "README.md's map of the docs has no line for {target}"
        );
    }
}

#[test]
fn the_bench_markers_are_in_docs_speed_md() {
    // scripts/bench-docs.mjs replaces what lies between these lines (and throws without them).
    let speed = fs::read_to_string(root().join("docs/speed.md")).unwrap();
    for name in ["bench", "sizes"] {
        let start = format!("<!-- {name}:start -->\n");
        let end = format!("\n<!-- {name}:end -->");
        let at = speed.find(&start);
        assert!(at.is_some(), "docs/speed.md: no {start:?}");
        assert!(
            speed[at.unwrap()..].contains(&end),
            "docs/speed.md: no {end:?} after its start"
        );
    }
}

#[test]
fn the_slugs_are_githubs() {
    let text = "# The page's public state (permalinks, newsroom hooks)\n## `summary --json` keys\n\
                ```\n# not a heading\n```\n## Sizes\n## Sizes\n";
    let got = anchors(text);
    for want in [
        "the-pages-public-state-permalinks-newsroom-hooks",
        "summary---json-keys",
        "sizes",
        "sizes-1",
    ] {
        assert!(got.contains(want), "{want} in {got:?}");
    }
    assert!(!got.contains("not-a-heading"));
    assert_eq!(
        links("[a](x.md) `[b](code.md)` [c](y.md#z)\n```\n[d](fenced.md)\n```"),
        ["x.md", "y.md#z"]
    );
}
