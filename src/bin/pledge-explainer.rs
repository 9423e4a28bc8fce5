//! The native command line: figures as sentences or JSON, dataset checks, static renders.
//! All computing is the library's; this file only parses flags, reads files and prints.

use pledge_explainer::lang::fill;
use pledge_explainer::messages::{assumption_error_message, dataset_error_message};
use pledge_explainer::{Assumptions, Dataset, DatasetError, Knob, Lang, Locale, Report};
use std::process::ExitCode;

const USAGE_HEAD: &str = "\
pledge-explainer: the figures of an AI-investment pledge story, checked

USAGE:
  pledge-explainer summary [--json] [--lang LANG] [--dataset FILE] [ASSUMPTIONS]
  pledge-explainer dataset
  pledge-explainer check FILE
  pledge-explainer render --out DIR [--lang LANG] [--dataset FILE] [ASSUMPTIONS]
  pledge-explainer share --out DIR [--lang ..] [--chart NAME | --card NAME] [--thumbnail WxH]
                   [--fonts DIR] [--dataset FILE] [ASSUMPTIONS]
      writes DIR/share.png (1200x630), DIR/thumbnail.png (default: the chart's own aspect,
      640 wide) and DIR/share.json (title, description, alt): of the story with its chart, or
      of one card (its question, verdict, answer and chart); fonts from DIR (default
      /usr/share/fonts/truetype/noto: Debian's fonts-noto-core)
  pledge-explainer languages        the language tags, one a line
  pledge-explainer declarations     what the page's scripts need of the declarations (JSON)
  pledge-explainer help

ASSUMPTIONS (each must lie in the dataset's range):
";

/// The usage text: the head, then one line per knob from its declaration.
fn usage() -> String {
    let mut out = USAGE_HEAD.replace("LANG", &languages().join("|"));
    for k in pledge_explainer::model::KNOBS.iter() {
        let (value, help) = k.cli;
        let flag = format!("--{} {value}", k.param.replace('_', "-"));
        out.push_str(&format!("  {:<18}{help}\n", flag.trim_end()));
    }
    out
}

fn languages() -> Vec<&'static str> {
    Lang::ALL.iter().map(|l| l.code()).collect()
}

struct Args {
    command: String,
    json: bool,
    lang: Locale,
    dataset_path: Option<String>,
    knobs: Vec<(Knob, String)>,
    positional: Vec<String>,
    out: Option<String>,
    chart: Option<String>,
    card: Option<String>,
    thumbnail: Option<String>,
    fonts: Option<String>,
}

fn parse_args(raw: Vec<String>) -> Result<Args, String> {
    let mut it = raw.into_iter();
    let command = it.next().ok_or_else(|| "no command given".to_string())?;
    let mut args = Args {
        command,
        json: false,
        lang: Locale::EN,
        dataset_path: None,
        knobs: Vec::new(),
        positional: Vec::new(),
        out: None,
        chart: None,
        card: None,
        thumbnail: None,
        fonts: None,
    };
    while let Some(arg) = it.next() {
        let mut value_of = |flag: &str| it.next().ok_or_else(|| format!("{flag} needs a value"));
        match arg.as_str() {
            "--json" => args.json = true,
            "--lang" => {
                let v = value_of("--lang")?;
                args.lang = Locale::parse(&v).ok_or_else(|| {
                    format!(
                        "--lang: unknown language '{v}' (use {})",
                        languages().join(", ")
                    )
                })?;
            }
            "--dataset" => args.dataset_path = Some(value_of("--dataset")?),
            "--out" => args.out = Some(value_of("--out")?),
            "--chart" => args.chart = Some(value_of("--chart")?),
            "--card" => args.card = Some(value_of("--card")?),
            "--thumbnail" => args.thumbnail = Some(value_of("--thumbnail")?),
            "--fonts" => args.fonts = Some(value_of("--fonts")?),
            flag if flag.starts_with("--") => {
                let name = &flag[2..];
                let knob =
                    Knob::from_param(name).ok_or_else(|| format!("unknown flag '{flag}'"))?;
                // A switch with no words of its own (--private-only) takes no value.
                let value = if knob.is_switch() && knob.switch_words().is_none() {
                    "1".to_string()
                } else {
                    value_of(flag)?
                };
                args.knobs.push((knob, value));
            }
            _ => args.positional.push(arg),
        }
    }
    Ok(args)
}

fn print_dataset_errors(errors: &[DatasetError], source: &str) {
    eprintln!(
        "{source}: invalid dataset ({} problem{}):",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    );
    for e in errors {
        eprintln!("  {}", dataset_error_message(e, Lang::En));
    }
}

fn load_dataset(path: Option<&str>) -> Result<Dataset, ExitCode> {
    let Some(path) = path else {
        return Ok(Dataset::default_story());
    };
    let json = std::fs::read_to_string(path).map_err(|e| {
        eprintln!("{path}: cannot read: {e}");
        ExitCode::from(66)
    })?;
    Dataset::from_json(&json).map_err(|errors| {
        print_dataset_errors(&errors, path);
        ExitCode::from(65)
    })
}

fn assumptions(args: &Args, dataset: &Dataset) -> Result<Assumptions, ExitCode> {
    let mut a = Assumptions::defaults(dataset);
    for (knob, text) in &args.knobs {
        if let Err(e) = a.set_str(dataset, *knob, text) {
            eprintln!(
                "--{}: '{}': {}",
                knob.param().replace('_', "-"),
                text,
                assumption_error_message(&e, Lang::En)
            );
            return Err(ExitCode::from(2));
        }
    }
    Ok(a)
}

fn run(args: Args) -> Result<(), ExitCode> {
    match args.command.as_str() {
        "summary" => {
            let dataset = load_dataset(args.dataset_path.as_deref())?;
            let a = assumptions(&args, &dataset)?;
            let report = Report::new(&dataset, &a, args.lang);
            if args.json {
                println!(
                    "{}",
                    pledge_explainer::report::summary_json(&dataset, &report)
                );
            } else {
                for (_, sentence) in &report.sentences {
                    println!("{sentence}");
                }
                // Each claim with its own verdict, as the page shows it beside the quote.
                let lang = report.lang;
                let claims = [
                    (&dataset.claim, report.person.as_ref()),
                    (&dataset.gdp_claim, report.gdp.as_ref()),
                ];
                for (claim, judgement) in claims {
                    if let (Some(c), Some(j)) = (claim, judgement) {
                        let said = fill(
                            lang.strings().claim_verdict_line,
                            &[
                                ("quote", c.text.get(lang)),
                                ("speaker", c.speaker.get(lang)),
                                ("verdict", &j.badge),
                            ],
                        );
                        println!("{said}");
                    }
                }
            }
            Ok(())
        }
        "render" => {
            let Some(out) = args.out.as_deref() else {
                eprintln!("render needs --out DIR\n\n{}", usage());
                return Err(ExitCode::from(2));
            };
            let dataset = load_dataset(args.dataset_path.as_deref())?;
            let a = assumptions(&args, &dataset)?;
            render(&dataset, &a, args.lang, std::path::Path::new(out)).map_err(|e| {
                eprintln!("{out}: cannot write: {e}");
                ExitCode::from(73)
            })
        }
        #[cfg(not(target_arch = "wasm32"))]
        "share" => share(&args),
        "dataset" => {
            print!("{}", pledge_explainer::dataset::DEFAULT_DATASET_JSON);
            Ok(())
        }
        "check" => {
            let [path] = args.positional.as_slice() else {
                eprintln!("check needs exactly one FILE\n\n{}", usage());
                return Err(ExitCode::from(2));
            };
            let dataset = load_dataset(Some(path))?;
            println!(
                "{path}: valid dataset '{}' ({} pledges, {} sources)",
                dataset.id,
                dataset.subject.pledges.len(),
                dataset.sources.len()
            );
            Ok(())
        }
        "languages" => {
            println!("{}", languages().join("\n"));
            Ok(())
        }
        "declarations" => {
            println!("{}", pledge_explainer::params::page_declarations());
            Ok(())
        }
        "help" | "--help" | "-h" => {
            print!("{}", usage());
            Ok(())
        }
        other => {
            eprintln!("unknown command '{other}'\n\n{}", usage());
            Err(ExitCode::from(2))
        }
    }
}

/// Writes the static fallback: each chart as a standalone SVG, HTML fragments (prose,
/// figures table, charts, and all of them together in `summary.html`), `strings.json`, and the
/// language's whole table as a pack (`language-pack.json`).
fn render(
    dataset: &Dataset,
    a: &Assumptions,
    locale: Locale,
    out: &std::path::Path,
) -> std::io::Result<()> {
    use pledge_explainer::charts::{self, layout::STATIC_WIDTH, Chart, Mode};
    use pledge_explainer::html;
    std::fs::create_dir_all(out)?;
    let report = Report::new(dataset, a, locale);
    for chart in Chart::ALL.into_iter().filter(|c| c.applies(dataset)) {
        let svg = charts::svg(chart, dataset, &report, STATIC_WIDTH, Mode::Standalone);
        std::fs::write(out.join(format!("{}.svg", chart.name())), svg)?;
    }
    let charts_html = html::chart_figures(dataset, &report, STATIC_WIDTH);
    std::fs::write(
        out.join("title.html"),
        pledge_explainer::escape::escape(dataset.title.get(locale.lang)),
    )?;
    // The lede, for search engines and link previews (plain text: no isolates, which some
    // platforms draw as boxes), the same words as og:description.
    let lede: String = report
        .sentences
        .iter()
        .find(|(k, _)| *k == "lede")
        .or(report.sentences.first())
        .map(|(_, s)| {
            s.chars()
                .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
                .collect()
        })
        .unwrap_or_default();
    std::fs::write(
        out.join("description.html"),
        pledge_explainer::escape::escape(&lede),
    )?;
    std::fs::write(out.join("prose.html"), html::prose(&report))?;
    std::fs::write(out.join("figures.html"), html::figures_table(&report))?;
    std::fs::write(out.join("charts.html"), &charts_html)?;
    std::fs::write(
        out.join("claim.html"),
        html::claim_section(dataset, &report),
    )?;
    std::fs::write(
        out.join("sources.html"),
        html::sources_section(dataset, locale),
    )?;
    // The story as cards: all of them for the page, and each alone for its own page.
    std::fs::write(out.join("cards.html"), html::all_cards(dataset, &report))?;
    let (sliders, switches) = html::page_controls(dataset, &report);
    std::fs::write(out.join("page-sliders.html"), sliders)?;
    std::fs::write(out.join("page-switches.html"), switches)?;
    for card in html::cards(dataset) {
        std::fs::write(
            out.join(format!("card-{}.html", card.name())),
            html::single_card(card, dataset, &report),
        )?;
    }
    // The page's own words (headings, buttons), for a static page in this language.
    let strings =
        serde_json::to_string_pretty(&pledge_explainer::report::TextMap(&locale.strings().page()))
            .unwrap_or_default();
    std::fs::write(out.join("strings.json"), strings)?;
    // The whole table, for the page's wasm, which has only English compiled in.
    std::fs::write(
        out.join("language-pack.json"),
        pledge_explainer::i18n::pack(locale.lang),
    )?;
    let fragment = format!(
        "<div class=\"pledge-explainer-static\" lang=\"{lang}\" dir=\"{dir}\">\n<h2 id=\"figures-heading\">{title}</h2>\n<p>{prose}</p>\n{charts_html}{table}</div>\n",
        lang = locale.lang.code(),
        dir = locale.strings().dir,
        title = pledge_explainer::escape::escape(dataset.title.get(locale.lang)),
        prose = html::prose(&report),
        table = html::figures_table(&report),
    );
    std::fs::write(out.join("summary.html"), fragment)?;
    Ok(())
}

/// Fonts for the share images: what the page's stylesheet asks for first (Noto Sans, Noto
/// Sans Arabic). Rendered into a PNG, the OFL 1.1 fonts' outlines are a picture, not a font.
#[cfg(not(target_arch = "wasm32"))]
const SHARE_FONTS: &[&str] = &[
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
];

/// `share`: the share image (1200 x 630), its thumbnail, and their words as JSON.
#[cfg(not(target_arch = "wasm32"))]
fn share(args: &Args) -> Result<(), ExitCode> {
    use pledge_explainer::charts::Chart;
    use pledge_explainer::{html, share};
    use resvg::{tiny_skia, usvg};
    let usage = |message: String| {
        eprintln!("share: {message}\n\n{}", usage());
        ExitCode::from(2)
    };
    let out = std::path::Path::new(
        args.out
            .as_deref()
            .ok_or_else(|| usage("needs --out DIR".into()))?,
    );
    let dataset = load_dataset(args.dataset_path.as_deref())?;
    let page = match (args.card.as_deref(), args.chart.as_deref()) {
        (Some(_), Some(_)) => {
            return Err(usage(
                "--card and --chart: give one (a card has its own chart)".into(),
            ))
        }
        (Some(name), None) => {
            let card = html::Card::from_name(name)
                .ok_or_else(|| usage(format!("--card: unknown card '{name}'")))?;
            if !card.applies(&dataset) {
                return Err(usage(format!("--card: this story has no '{name}' card")));
            }
            share::Page::Card(card)
        }
        (None, chart_name) => {
            let chart_name = chart_name.unwrap_or("per-person");
            let chart = Chart::from_name(chart_name)
                .ok_or_else(|| usage(format!("--chart: unknown chart '{chart_name}'")))?;
            if !chart.applies(&dataset) {
                return Err(usage(format!(
                    "--chart: this story has no '{chart_name}' chart"
                )));
            }
            share::Page::Story(chart)
        }
    };
    let a = assumptions(args, &dataset)?;
    let report = Report::new(&dataset, &a, args.lang);
    let thumbnail = match args.thumbnail.as_deref() {
        None => share::natural_size(page, &dataset, &report, 640),
        Some(t) => t
            .split_once('x')
            .and_then(|(w, h)| Some((w.parse::<u32>().ok()?, h.parse::<u32>().ok()?)))
            .filter(|&(w, h)| (16..=4000).contains(&w) && (16..=4000).contains(&h))
            .ok_or_else(|| {
                usage(format!(
                    "--thumbnail: '{t}' is not WIDTHxHEIGHT (16 to 4000 each)"
                ))
            })?,
    };

    let fonts_dir = std::path::Path::new(
        args.fonts
            .as_deref()
            .unwrap_or("/usr/share/fonts/truetype/noto"),
    );
    let mut options = usvg::Options::default();
    let db = options.fontdb_mut();
    for name in SHARE_FONTS {
        let path = fonts_dir.join(name);
        let bytes = std::fs::read(&path).map_err(|e| {
            eprintln!("{}: cannot read the font: {e} (Debian: apt-get install fonts-noto-core; or --fonts DIR)", path.display());
            ExitCode::from(66)
        })?;
        db.load_font_data(bytes);
    }
    db.set_sans_serif_family("Noto Sans");

    std::fs::create_dir_all(out).map_err(|e| {
        eprintln!("{}: cannot write: {e}", out.display());
        ExitCode::from(73)
    })?;
    for (file, size) in [("share", share::SHARE_SIZE), ("thumbnail", thumbnail)] {
        let svg = share::svg(page, &dataset, &report, size);
        let tree = usvg::Tree::from_str(&svg, &options).map_err(|e| {
            eprintln!("share: the image's SVG does not parse: {e}");
            ExitCode::from(70)
        })?;
        let mut pixmap = tiny_skia::Pixmap::new(size.0, size.1).ok_or(ExitCode::from(70))?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        let path = out.join(format!("{file}.png"));
        pixmap.save_png(&path).map_err(|e| {
            eprintln!("{}: cannot write: {e}", path.display());
            ExitCode::from(73)
        })?;
        if std::env::var_os("PLEDGE_EXPLAINER_KEEP_SVG").is_some() {
            let _ = std::fs::write(out.join(format!("{file}.svg")), &svg);
        }
    }
    let words = share::text(page, &dataset, &report);
    let json = serde_json::json!({
        "lang": report.lang.code(),
        "page": match page {
            share::Page::Story(chart) => format!("story, chart {}", chart.name()),
            share::Page::Card(card) => format!("card {}", card.name()),
        },
        "title": words.title,
        "description": words.description,
        "alt": words.alt,
        "image": { "width": share::SHARE_SIZE.0, "height": share::SHARE_SIZE.1 },
        "thumbnail": { "width": thumbnail.0, "height": thumbnail.1 },
    });
    std::fs::write(out.join("share.json"), json.to_string()).map_err(|e| {
        eprintln!("{}: cannot write: {e}", out.display());
        ExitCode::from(73)
    })?;
    Ok(())
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.is_empty() {
        eprint!("{}", usage());
        return ExitCode::from(2);
    }
    match parse_args(raw) {
        Ok(args) => match run(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Err(message) => {
            eprintln!("error: {message}\n\n{}", usage());
            ExitCode::from(2)
        }
    }
}
