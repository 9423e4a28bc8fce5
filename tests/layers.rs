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
    &["html"],
    &["share"],
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

// ---------------------------------------------------------------- one declaration each
//
// A knob is declared once (`model::KNOBS`), a chart once (`charts::CHARTS`), a language once
// (`lang::LANGS`); everything else reads them. These tests fail when a declaration is
// incomplete, or when a list of them is written by hand again somewhere else.

use pledge_explainer::charts::{Chart, CHARTS};
use pledge_explainer::dataset::Dataset;
use pledge_explainer::i18n::Strings;
use pledge_explainer::lang::{Direction, Lang, LANGS};
use pledge_explainer::model::{Assumptions, Control, Knob, Unit, KNOBS};

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The lines of a script that are code, not comments.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter(|(_, l)| {
        let t = l.trim_start();
        !(t.starts_with("//") || t.starts_with('*') || t.starts_with("/*"))
    })
}

#[test]
fn every_knob_declaration_is_complete() {
    let d = Dataset::default_story();
    let defaults = Assumptions::defaults(&d);
    let mut params = Vec::new();
    for (i, k) in KNOBS.iter().enumerate() {
        let name = k.param;
        assert_eq!(
            k.knob as usize, i,
            "{name}: KNOBS[{i}] must declare Knob #{i}"
        );
        assert_eq!(Knob::ALL[i], k.knob);
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{name}: a URL name is lowercase snake_case"
        );
        assert!(!params.contains(&name), "{name} is declared twice");
        params.push(name);
        assert_eq!(Knob::from_url_param(name), Some(k.knob), "{name}");
        assert_eq!(
            Knob::from_param(&name.replace('_', "-")),
            Some(k.knob),
            "{name}"
        );
        if let Some(label) = k.label {
            assert!(
                Strings::FIELDS.contains(&label),
                "{name}: label {label} is no string"
            );
        }
        assert!(
            !k.charts.is_empty(),
            "{name} changes no chart: then what is it for?"
        );
        for chart in k.charts {
            assert!(
                Chart::from_name(chart).is_some(),
                "{name}: no chart {chart}"
            );
        }
        let (value, help) = k.cli;
        assert!(!help.trim().is_empty(), "{name}: no help for the CLI");
        match k.control {
            Control::Switch { words } => {
                assert!(k.whole, "{name}: a switch is 0 or 1");
                // A switch without words is a bare flag (`--private-only`), one with words takes them.
                assert_eq!(value.is_empty(), words.is_none(), "{name}: CLI value");
            }
            Control::Slider(_) => {
                assert!(!value.is_empty(), "{name}: a slider's flag takes a value")
            }
        }
        // In the shipped story every knob applies, its default lies in its range, and what is
        // put is what is read back.
        let range = (k.range)(&d).unwrap_or_else(|| panic!("{name}: no range in the story"));
        let v = (k.get)(&defaults).unwrap_or_else(|| panic!("{name}: no default"));
        assert!(range.contains(v), "{name}: default {v} outside its range");
        for x in [range.min, range.max] {
            let mut a = defaults;
            (k.put)(&mut a, x);
            assert_eq!((k.get)(&a), Some(x), "{name}: put {x}, read back");
            for other in KNOBS.iter().filter(|o| o.knob != k.knob) {
                assert_eq!(
                    (other.get)(&a),
                    (other.get)(&defaults),
                    "{name} moved {}",
                    other.param
                );
            }
        }
    }
}

#[test]
fn every_chart_and_language_declaration_is_complete() {
    let d = Dataset::default_story();
    let mut names = Vec::new();
    for (i, c) in CHARTS.iter().enumerate() {
        assert_eq!(
            c.chart as usize, i,
            "{}: CHARTS[{i}] must declare Chart #{i}",
            c.name
        );
        assert_eq!(Chart::ALL[i], c.chart);
        assert!(!names.contains(&c.name), "{} is declared twice", c.name);
        names.push(c.name);
        assert!(
            !c.name.is_empty() && c.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{}: a chart's name is lowercase kebab-case",
            c.name
        );
        assert!(
            c.chart.inputs().next().is_some(),
            "{}: no knob changes it",
            c.name
        );
        assert!(
            (c.applies)(&d),
            "{} does not apply to the shipped story",
            c.name
        );
        assert!((c.height)(&d) > 0, "{}: no height", c.name);
    }
    let mut tags = Vec::new();
    for (i, l) in LANGS.iter().enumerate() {
        assert_eq!(
            l.lang as usize, i,
            "{}: LANGS[{i}] must declare Lang #{i}",
            l.tag
        );
        assert_eq!(Lang::ALL[i], l.lang);
        assert!(!tags.contains(&l.tag), "{} declared twice", l.tag);
        tags.push(l.tag);
        assert_eq!(Lang::parse(l.tag), Some(l.lang));
        assert_eq!(Lang::parse(&l.tag.to_ascii_uppercase()), Some(l.lang));
        assert_eq!(l.lang.code(), l.tag);
        // The string table's `dir` (the page's <html dir>) agrees with the declaration.
        let dir = match l.direction {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        };
        assert_eq!(l.lang.strings().dir, dir, "{}: direction", l.tag);
        // So does the number formatter's choice of digits, by region.
        let native = |tag: &str| {
            let locale = pledge_explainer::Locale::parse(tag).unwrap();
            locale.digits_in("1") != "1"
        };
        assert_eq!(native(l.tag), l.arabic_indic_digits, "{}: digits", l.tag);
        for region in l.latin_digit_regions {
            assert!(
                !native(&format!("{}-{region}", l.tag)),
                "{}-{region}: digits",
                l.tag
            );
        }
        // The page's language links name each language as the declaration does.
        let index = read(Path::new("www/index.html"));
        let link = format!("data-lang=\"{}\">{}</a>", l.tag, l.autonym);
        assert!(index.contains(&link), "www/index.html: no link {link}");
    }
}

/// The report's sliders and switches are the knobs declared with a label, in declaration order,
/// with the declared label (`report::controls` reads them from `KNOBS`; this holds it to that).
#[test]
fn the_page_controls_are_the_declared_knobs_with_their_labels() {
    use pledge_explainer::report::{controls, switches, Report};
    let d = Dataset::default_story();
    let mut seen = Vec::new();
    let mut parities = 0;
    for by_gdp in [false, true] {
        let mut a = Assumptions::defaults(&d);
        a.set(&d, Knob::Yardstick, if by_gdp { 1.0 } else { 0.0 })
            .unwrap();
        let report = Report::new(&d, &a, pledge_explainer::Locale::EN);
        let s = Lang::En.strings();
        let text = |key: &str| s.texts()[Strings::FIELDS.iter().position(|f| *f == key).unwrap()];
        let sliders = controls(&d, &report);
        let order: Vec<usize> = sliders
            .iter()
            .map(|c| KNOBS.iter().position(|k| k.param == c.param).unwrap())
            .collect();
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "sliders out of order: {order:?}"
        );
        for c in &sliders {
            let k = Knob::from_url_param(c.param).unwrap().spec();
            assert!(matches!(k.control, Control::Slider(_)), "{}", c.param);
            assert_eq!(c.label, report.fill(text(k.label.unwrap())), "{}", c.param);
            // The parity point on the slider is written in the knob's declared unit.
            if let (Some(at), Some(shown), Control::Slider(unit)) =
                (c.parity, &c.parity_display, k.control)
            {
                let l = report.locale;
                let want = match unit {
                    Unit::Rate => l.rate_point(at, &d.benchmark.currency),
                    Unit::Millions => l.millions(at, 1),
                    Unit::SubjectMoney => l.money_bn(at, &d.subject.currency, 1),
                    Unit::BenchmarkMoney => l.money_bn(at, &d.benchmark.currency, 1),
                    Unit::Years | Unit::Share => continue,
                };
                assert_eq!(shown, &want, "{}: parity in {unit:?}", c.param);
                parities += 1;
            }
            seen.push(c.param);
        }
        for sw in switches(&d, &report) {
            let k = Knob::from_url_param(sw.param).unwrap().spec();
            assert!(matches!(k.control, Control::Switch { .. }), "{}", sw.param);
            assert_eq!(sw.label, text(k.label.unwrap()), "{}", sw.param);
            seen.push(sw.param);
        }
    }
    for k in KNOBS.iter().filter(|k| k.label.is_some()) {
        assert!(
            seen.contains(&k.param),
            "{} has a label but no control on the page",
            k.param
        );
    }
    assert!(parities >= 3, "only {parities} parity points checked");
}

#[test]
fn no_list_of_knobs_languages_or_charts_is_kept_by_hand() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    // The page's scripts and markup: their lists are generated (`pledge-explainer declarations`,
    // written in by scripts/inline-shared.mjs); no knob is named in their code.
    let mut names: Vec<String> = Vec::new();
    for k in KNOBS.iter() {
        names.push(k.param.to_string());
        names.push(k.param.replace('_', "-"));
    }
    for entry in std::fs::read_dir(root.join("www")).unwrap() {
        let path = entry.unwrap().path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !matches!(ext, "js" | "html") {
            continue;
        }
        let text = read(&path);
        for (n, line) in code_lines(&text) {
            let words: Vec<&str> = line
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .collect();
            if let Some(name) = names.iter().find(|name| words.contains(&name.as_str())) {
                problems.push(format!(
                    "{}:{}: names the knob {name}",
                    path.display(),
                    n + 1
                ));
            }
            let tags: Vec<&str> = LANGS
                .iter()
                .map(|l| l.tag)
                .filter(|t| line.contains(&format!("'{t}'")) || line.contains(&format!("\"{t}\"")))
                .collect();
            if ext == "js" && tags.len() >= 2 {
                problems.push(format!(
                    "{}:{}: a list of languages {tags:?}",
                    path.display(),
                    n + 1
                ));
            }
            if ext == "js" && line.contains("slice(0, 2)") {
                problems.push(format!(
                    "{}:{}: reads a language tag its own way (use languageOf, www/shared.js)",
                    path.display(),
                    n + 1
                ));
            }
        }
        if ext == "js"
            && ["boot.js", "embed.js", "app.js", "editor.js"]
                .iter()
                .any(|f| path.ends_with(f))
            && !text.contains("// @shared")
        {
            problems.push(format!(
                "{}: no `// @shared` line for www/shared.js",
                path.display()
            ));
        }
    }
    // The build's loops over languages.
    let build = read(&root.join("scripts/build.sh"));
    let all_tags = LANGS.iter().map(|l| l.tag).collect::<Vec<_>>().join(" ");
    if build.contains(&all_tags) {
        problems.push(format!(
            "scripts/build.sh: `{all_tags}` (use `pledge-explainer languages`)"
        ));
    }
    // The Rust: outside its declaration, a file that names most knobs or charts is keeping a
    // list of them.
    let src = root.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for path in files {
        let text = read(&path);
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let named = |prefix: &str, variants: &[String]| {
            variants
                .iter()
                .filter(|v| code.contains(&format!("{prefix}{v}")))
                .count()
        };
        let knobs: Vec<String> = KNOBS.iter().map(|k| format!("{:?}", k.knob)).collect();
        let charts: Vec<String> = CHARTS.iter().map(|c| format!("{:?}", c.chart)).collect();
        let rel = path.strip_prefix(root).unwrap().display().to_string();
        if rel != "src/model.rs" && named("Knob::", &knobs) > 3 {
            problems.push(format!(
                "{rel}: names {} knobs: read model::KNOBS",
                named("Knob::", &knobs)
            ));
        }
        // `text()` in charts/mod.rs picks each chart's words (words are not declarations).
        if rel != "src/charts/mod.rs" && named("Chart::", &charts) > 2 {
            problems.push(format!(
                "{rel}: names {} charts: read charts::CHARTS",
                named("Chart::", &charts)
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
