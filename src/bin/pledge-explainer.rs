//! The native command line: figures as sentences or JSON, dataset checks, static renders.
//! All computing is the library's; this file only parses flags, reads files and prints.

use pledge_explainer::messages::{assumption_error_message, dataset_error_message};
use pledge_explainer::{Assumptions, Dataset, DatasetError, Knob, Lang, Locale, Report};
use std::process::ExitCode;

const USAGE: &str = "\
pledge-explainer: the figures of an AI-investment pledge story, checked

USAGE:
  pledge-explainer summary [--json] [--lang en|fr|ar] [--dataset FILE] [ASSUMPTIONS]
  pledge-explainer dataset
  pledge-explainer check FILE
  pledge-explainer render --out DIR [--lang en|fr|ar] [--dataset FILE] [ASSUMPTIONS]
  pledge-explainer help

ASSUMPTIONS (each must lie in the dataset's range):
  --eurusd R        exchange rate, US$ per euro (default: ECB reference rate of the story's day)
  --pop-fr M        population of France, millions
  --pop-us M        population of the United States, millions
  --uae B           the UAE pledge's point within its range, billions of euros
  --load-factor F   share of the year the AI capacity runs at full power (0.05 to 1)
  --years-fr Y      years over which France's package is spread (1 to 10; default Stargate's 4)
  --gdp-fr B        France's GDP, billions of euros (default INSEE 2024)
  --gdp-us B        US GDP, billions of dollars (default BEA 2024)
  --yardstick Y     person (the claim) or gdp: what the verdict compares
  --private-only    count only the pledges the dataset marks as private
";

struct Args {
    command: String,
    json: bool,
    lang: Locale,
    dataset_path: Option<String>,
    knobs: Vec<(Knob, String)>,
    positional: Vec<String>,
    out: Option<String>,
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
    };
    while let Some(arg) = it.next() {
        let mut value_of = |flag: &str| it.next().ok_or_else(|| format!("{flag} needs a value"));
        match arg.as_str() {
            "--json" => args.json = true,
            "--lang" => {
                let v = value_of("--lang")?;
                args.lang = Locale::parse(&v)
                    .ok_or_else(|| format!("--lang: unknown language '{v}' (use en, fr or ar)"))?;
            }
            "--dataset" => args.dataset_path = Some(value_of("--dataset")?),
            "--out" => args.out = Some(value_of("--out")?),
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
            }
            Ok(())
        }
        "render" => {
            let Some(out) = args.out.as_deref() else {
                eprintln!("render needs --out DIR\n\n{USAGE}");
                return Err(ExitCode::from(2));
            };
            let dataset = load_dataset(args.dataset_path.as_deref())?;
            let a = assumptions(&args, &dataset)?;
            render(&dataset, &a, args.lang, std::path::Path::new(out)).map_err(|e| {
                eprintln!("{out}: cannot write: {e}");
                ExitCode::from(73)
            })
        }
        "dataset" => {
            print!("{}", pledge_explainer::dataset::DEFAULT_DATASET_JSON);
            Ok(())
        }
        "check" => {
            let [path] = args.positional.as_slice() else {
                eprintln!("check needs exactly one FILE\n\n{USAGE}");
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
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprintln!("unknown command '{other}'\n\n{USAGE}");
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
    // The lede, for search engines and link previews.
    let lede = report
        .sentences
        .first()
        .map(|(_, s)| s.as_str())
        .unwrap_or_default();
    std::fs::write(
        out.join("description.html"),
        pledge_explainer::escape::escape(lede),
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

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.is_empty() {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    }
    match parse_args(raw) {
        Ok(args) => match run(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
