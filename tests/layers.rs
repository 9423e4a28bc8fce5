//! The layers of ARCHITECTURE.md, checked from the source: every `crate::<module>` a module
//! names is below it in `LAYERS`, so no module reaches up and there is no import circle. A new
//! module must be placed here (the test says so), which keeps the diagram honest.

use std::collections::BTreeMap;
use std::path::Path;

/// Bottom first. Modules on one line are side by side and may not name each other.
const LAYERS: &[&[&str]] = &[
    &["decimal", "escape", "lang"],
    &["plural", "json", "grammar"],
    &["dataset"],
    &["model"],
    &["i18n"],
    &["format"],
    &["messages"],
    &["params"],
    &["report"],
    &["charts"],
    &["html", "share"],
    &["wasm"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level module a file of src/ belongs to (`src/charts/layout.rs` → `charts`).
fn module_of(path: &Path, src: &Path) -> Option<String> {
    let rel = path.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    match first {
        "lib.rs" | "bin" => None,
        dir_or_file => Some(dir_or_file.trim_end_matches(".rs").to_string()),
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_names_only_modules_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut uses: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for path in files {
        let Some(module) = module_of(&path, &src) else {
            continue;
        };
        let Some(own) = layer_of(&module) else {
            problems.push(format!(
                "{module} ({}) is not in LAYERS: place it in the layer order",
                path.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        // Test modules may reach anywhere; only the shipped code is layered.
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|line| !line.trim_start().starts_with("//")) // comments may name anything
            .collect::<Vec<_>>()
            .join("\n");
        for (i, _) in code.match_indices("crate::") {
            let name: String = code[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name == module || name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                continue; // itself, or a crate-root re-export such as crate::Lang
            }
            match layer_of(&name) {
                Some(layer) if layer < own => uses.entry(module.clone()).or_default().push(name),
                Some(_) => problems.push(format!(
                    "{} names crate::{name}, which is not below {module}",
                    path.display()
                )),
                None => problems.push(format!(
                    "{} names crate::{name}, which is not in LAYERS",
                    path.display()
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(uses.len() >= 8, "too few modules checked: {uses:?}");
}
