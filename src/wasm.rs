//! The JavaScript face of the core: a thin `#[wasm_bindgen]` layer, nothing computed here.
//!
//! Structured results are JSON text for `JSON.parse` (written by `json`'s small writer:
//! cheaper than building objects property by property, and no serde in the wasm); refusals
//! are a JS `Error` whose message is written for the reader, in the reader's language.

use crate::charts::{self, Chart, Mode};
use crate::dataset::Dataset;
use crate::format::Locale;
use crate::json::{array, text_object, write_string, ObjectWriter};
use crate::messages::assumption_error_message;
#[cfg(feature = "dataset-reader")]
use crate::messages::{dataset_error_message, problem_message};
use crate::model::{Assumptions, FigureValue, Knob};
use crate::params;
use crate::report::Report;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::prelude::*;

#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Set by the panic hook. A panic aborts the wasm call that hit it; the instance may be left
/// half-way through some work, so every later call refuses to run and says so, and the page
/// keeps the last good figures on screen.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Runs once when the module is instantiated: reports a Rust panic to the console with its
/// message before the wasm traps. The page's own build (`build.sh`, `page_wasm`) traps at once
/// instead, without the message; `app.js` stops calling a module that trapped.
#[cfg(feature = "panic-hook")]
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        PANICKED.store(true, Ordering::SeqCst);
        web_sys::console::error_1(&JsValue::from_str(&format!("pledge-explainer: {info}")));
    }));
}

/// Panics on purpose. It exists so the browser tests can check that a panic, should one ever
/// happen, leaves a readable page; nothing in the page calls it.
#[wasm_bindgen]
pub fn panic_for_test() {
    panic!("panic_for_test was called");
}

fn alive() -> Result<(), JsError> {
    if PANICKED.load(Ordering::SeqCst) {
        Err(JsError::new(
            "the calculation stopped after an internal error",
        ))
    } else {
        Ok(())
    }
}

/// One story with the reader's assumptions and language: every figure, sentence and chart of
/// the explainer, computed and formatted by the core. Create one per story; call `free()` when
/// done with it.
#[wasm_bindgen]
pub struct Explainer {
    dataset: Dataset,
    /// Whether the story is the shipped one, whose French and Arabic come with the language
    /// packs in the page's build.
    shipped: bool,
    assumptions: Assumptions,
    locale: Locale,
    /// Everything formatted for the current assumptions and language, recomputed once per
    /// change (`refresh`) and read by every view: text, sliders, charts.
    report: Report,
}

#[wasm_bindgen]
impl Explainer {
    /// From a dataset's JSON text, or the embedded default story when `None`. A bad dataset
    /// throws an `Error` listing every problem with its JSON path, in `lang`.
    #[wasm_bindgen(constructor)]
    pub fn new(dataset_json: Option<String>, lang: &str) -> Result<Explainer, JsError> {
        let locale = available(lang).unwrap_or(Locale::EN);
        let shipped = dataset_json.is_none();
        let mut dataset = match dataset_json {
            Some(json) => read_dataset(&json, locale)?,
            None => Dataset::default_story(),
        };
        if shipped {
            with_story_words(&mut dataset, locale);
        }
        let assumptions = Assumptions::defaults(&dataset);
        let report = Report::new(&dataset, &assumptions, locale);
        Ok(Explainer {
            dataset,
            shipped,
            assumptions,
            locale,
            report,
        })
    }

    fn refresh(&mut self) {
        self.report = Report::new(&self.dataset, &self.assumptions, self.locale);
    }

    /// Sets the language from a tag such as `ar-MA`; returns false (and keeps the current
    /// one) for a language the explainer does not have, or whose pack is not loaded yet.
    pub fn set_locale(&mut self, tag: &str) -> Result<bool, JsError> {
        alive()?;
        match available(tag) {
            Some(l) => {
                self.locale = l;
                if self.shipped {
                    with_story_words(&mut self.dataset, l);
                }
                self.refresh();
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// The current language's code: `en`, `fr` or `ar`.
    pub fn lang(&self) -> String {
        self.locale.lang.code().to_string()
    }

    /// Sets one assumption by its URL name. Throws a reader-worded `Error` when refused;
    /// the previous value stays.
    pub fn set(&mut self, param: &str, value: f64) -> Result<(), JsError> {
        alive()?;
        let knob = Knob::from_param(param)
            .ok_or_else(|| JsError::new(&format!("unknown setting '{param}'")))?;
        self.assumptions
            .set(&self.dataset, knob, value)
            .map_err(|e| JsError::new(&assumption_error_message(&e, self.locale.lang)))?;
        self.refresh();
        Ok(())
    }

    /// Back to the story's sourced defaults (every assumption, both switches).
    pub fn reset(&mut self) -> Result<(), JsError> {
        alive()?;
        self.assumptions = Assumptions::defaults(&self.dataset);
        self.refresh();
        Ok(())
    }

    /// `"article"` (the story's own rounded figures) or `"official"` (the sourced defaults).
    pub fn preset(&mut self, name: &str) -> Result<bool, JsError> {
        alive()?;
        match name {
            "article" => self.assumptions = Assumptions::as_reported(&self.dataset),
            "official" => self.assumptions = Assumptions::defaults(&self.dataset),
            _ => return Ok(false),
        }
        self.refresh();
        Ok(true)
    }

    /// Applies a query string over the defaults. Returns `{ lang, notices: [message] }` as
    /// JSON: `lang` is null when the query names none; each notice names a refused parameter.
    pub fn apply_query(&mut self, query: &str) -> String {
        let parsed =
            params::parse_query(&self.dataset, Assumptions::defaults(&self.dataset), query);
        self.assumptions = parsed.assumptions;
        if let Some(l) = parsed.locale.filter(|l| l.lang.is_available()) {
            self.locale = l;
        }
        self.refresh();
        let lang = self.locale.lang;
        let mut out = String::new();
        let mut o = ObjectWriter::new(&mut out);
        o.opt_string("lang", parsed.locale.map(|l| l.lang.code()));
        o.raw(
            "notices",
            &array(&parsed.notices, |out, n| {
                write_string(out, &n.message(lang))
            }),
        );
        o.end();
        out
    }

    /// The query string for the current view (only what differs from the defaults).
    pub fn query(&self, with_lang: bool) -> String {
        params::to_query(
            &self.dataset,
            &self.assumptions,
            with_lang.then_some(self.locale),
        )
    }

    /// The hot path, once per animation frame while a slider moves: only what changes with the
    /// assumptions, as JSON text for `JSON.parse` (measured: five times cheaper than building
    /// the same object through serde-wasm-bindgen, property by property).
    /// `{ display: {key: text}, prose: {key: text}, answers: {card: words key},
    /// sentences: {key: text}, order: [key], verdict, badge,
    /// judged: {verdict | gdp_verdict: "<holds|more|less> <same|close|clear|multiple>"},
    /// controls: [{ param, min, max, value, display, parity, parity_display, parity_words, marks }],
    /// compare: [{ name, value, display }] }` (`compare`: the two figures the verdict weighs,
    /// for the live panel). The switches are not here: a slider move cannot change them.
    pub fn live(&self) -> Result<String, JsError> {
        alive()?;
        let report = &self.report;
        let mut out = String::new();
        let mut o = ObjectWriter::new(&mut out);
        o.raw("display", &text_object(&report.display));
        // The cards' answers are running text: the figures written otherwise there (French
        // units, ratios in words), and the name of each answer's template (`data-answer`).
        o.raw("prose", &text_object(&report.prose_display));
        let answers: Vec<(&str, String)> = crate::html::cards(&self.dataset)
            .into_iter()
            .map(|c| (c.name(), c.answer_form(report)))
            .collect();
        o.raw("answers", &text_object(&answers));
        o.raw("sentences", &text_object(&report.sentences));
        o.raw(
            "order",
            &array(&report.sentences, |out, (key, _)| write_string(out, key)),
        );
        o.opt_string("verdict", report.shown_verdict().map(|v| v.name()));
        o.string("badge", &report.badge);
        // Each claim's verdict by its `data-figure` key: the direction and the size of the gap
        // its badge is coloured by, from the same judgement as its words.
        let judged: Vec<(&str, String)> =
            [("verdict", &report.person), ("gdp_verdict", &report.gdp)]
                .into_iter()
                .flat_map(|(key, j)| {
                    j.iter()
                        .map(move |j| (key, format!("{} {}", j.verdict.name(), j.gap.name())))
                })
                .collect();
        o.raw("judged", &text_object(&judged));
        o.opt_string("gdp_verdict", report.gdp_verdict().map(|v| v.name()));
        o.string("gdp_badge", &crate::html::gdp_badge(report));
        o.raw(
            "controls",
            &controls_json(&crate::report::controls(&self.dataset, report)),
        );
        let compared = crate::report::comparison(&self.dataset, report);
        o.raw(
            "compare",
            &array(&compared, |out, (name, value, shown)| {
                let mut c = ObjectWriter::new(out);
                c.string("name", name)
                    .number("value", *value)
                    .string("display", shown);
                c.end();
            }),
        );
        o.end();
        Ok(out)
    }

    /// The switches as JSON: `[{ param, label, value, options: [{ value, label }] }]`; one
    /// option means a checkbox. Only those this dataset supports (GDP on both sides, pledges
    /// marked by kind).
    pub fn switches(&self) -> String {
        array(
            &crate::report::switches(&self.dataset, &self.report),
            |out, s| {
                let mut w = ObjectWriter::new(out);
                w.string("param", s.param)
                    .string("label", &s.label)
                    .number("value", s.value);
                w.raw("options", &value_labels(&s.options));
                w.end();
            },
        )
    }

    /// Every figure by its public key, as JSON: numbers (money in billions, populations in
    /// millions, shares as fractions), `{ low, high }` for ranges, `null` for what this story
    /// cannot compute; plus `verdict` and `gdp_verdict` (`holds`, `more`, `less` or `null`).
    /// The same keys as the CLI's `summary --json` and the page's `data-figure` hooks.
    pub fn figures(&self) -> Result<String, JsError> {
        alive()?;
        let report = &self.report;
        let mut out = String::new();
        let mut o = ObjectWriter::new(&mut out);
        for (key, value) in report.figures.values() {
            match value {
                FigureValue::Number(n) => o.number(key, n),
                FigureValue::Range(r) => {
                    let mut range = String::new();
                    let mut w = ObjectWriter::new(&mut range);
                    w.number("low", r.low).number("high", r.high);
                    w.end();
                    o.raw(key, &range)
                }
                FigureValue::Missing => o.raw(key, "null"),
            };
        }
        o.opt_string("verdict", report.verdict().map(|v| v.name()));
        o.opt_string("gdp_verdict", report.gdp_verdict().map(|v| v.name()));
        o.end();
        Ok(out)
    }

    /// The sliders as JSON: for each knob `{ param, label, min, max, step, value, display,
    /// parity, parity_display, parity_words, marks }`, labels filled in for this dataset and language.
    pub fn controls(&self) -> String {
        controls_json(&crate::report::controls(&self.dataset, &self.report))
    }

    /// One chart for the page at `width` CSS pixels, as JSON: `{ name, title, desc, svg }`,
    /// or `null` for a chart this dataset does not have. With `draw` false, `svg` is empty:
    /// the words only, for a chart the reader cannot see.
    pub fn chart(&self, name: &str, width: u32, draw: bool) -> Result<String, JsError> {
        alive()?;
        let Some(chart) = Chart::from_name(name).filter(|c| c.applies(&self.dataset)) else {
            return Ok("null".to_string());
        };
        let text = charts::text(chart, &self.report);
        let svg = if draw {
            charts::svg(chart, &self.dataset, &self.report, width, Mode::Inline)
        } else {
            String::new()
        };
        let mut out = String::with_capacity(svg.len() + svg.len() / 4 + 256);
        let mut o = ObjectWriter::new(&mut out);
        o.string("name", chart.name())
            .string("title", &text.title)
            .string("desc", &text.desc)
            .string("svg", &svg);
        o.end();
        Ok(out)
    }

    /// Changes whenever the chart would look different (language or one of its inputs), so the
    /// page redraws only the charts a slider actually moved.
    pub fn chart_key(&self, name: &str) -> Result<String, JsError> {
        alive()?;
        let mut key = String::from(self.locale.lang.code());
        key.push(self.locale.digits.code());
        for knob in Chart::from_name(name).into_iter().flat_map(Chart::inputs) {
            key.push('|');
            key.push_str(&params::plain_number(
                self.assumptions.get(knob).unwrap_or(f64::NAN),
            ));
        }
        Ok(key)
    }

    /// The names of the charts this dataset has, in reading order.
    pub fn chart_names(&self) -> Vec<String> {
        Chart::ALL
            .iter()
            .filter(|c| c.applies(&self.dataset))
            .map(|c| c.name().to_string())
            .collect()
    }

    /// The claim, the figures table, the sources and the full page's cards as HTML (every
    /// dataset string escaped by the core), the same fragments as the static page, as JSON:
    /// `{ claim, figures, sources, cards }`.
    /// They change with the language; their live values are `data-figure` cells and `#verdict`.
    pub fn sections(&self) -> String {
        let report = &self.report;
        text_object(&[
            ("claim", crate::html::claim_section(&self.dataset, report)),
            ("figures", crate::html::figures_table(report)),
            (
                "sources",
                crate::html::sources_section(&self.dataset, self.locale),
            ),
            ("cards", crate::html::all_cards(&self.dataset, report)),
        ])
    }

    /// One card alone (its own page, an embed) as HTML, or an empty string for a card this
    /// story cannot fill: the same fragment as `dist/cards/<name>.html` holds.
    pub fn card(&self, name: &str) -> String {
        match crate::html::Card::from_name(name).filter(|c| c.applies(&self.dataset)) {
            Some(card) => crate::html::single_card(card, &self.dataset, &self.report),
            None => String::new(),
        }
    }

    /// A card's answer as HTML (the content of its `<p class="answer">`), for when a move
    /// changes its template (`live().answers`); empty for a card this story cannot fill.
    pub fn card_answer(&self, name: &str) -> String {
        match crate::html::Card::from_name(name).filter(|c| c.applies(&self.dataset)) {
            Some(card) => card.answer_html(&self.report),
            None => String::new(),
        }
    }

    /// The claim's and the figures table's words apart from their figures, as JSON
    /// `{ claim, figures }` (`data-words`): when a move changes a label ("over 6 years", which
    /// sum), the page takes the section again. Not in `live()`: the page asks only when it
    /// writes one of them (a drag leaves them while they are off screen).
    pub fn words(&self) -> String {
        let report = &self.report;
        text_object(&[
            (
                "claim",
                crate::html::words_key(&crate::html::claim_section(&self.dataset, report)),
            ),
            (
                "figures",
                crate::html::words_key(&crate::html::figures_table(report)),
            ),
        ])
    }

    /// A card's question, as its heading says it under these assumptions (with its answer,
    /// when `live().answers` changes); empty for a card this story cannot fill.
    pub fn card_question(&self, name: &str) -> String {
        match crate::html::Card::from_name(name).filter(|c| c.applies(&self.dataset)) {
            Some(card) => card.question(&self.report),
            None => String::new(),
        }
    }

    /// The claim (`claim`) or the figures table (`figures`) as HTML, when a move changed their
    /// words (`live().words`); empty for any other name.
    pub fn section(&self, name: &str) -> String {
        match name {
            "claim" => crate::html::claim_section(&self.dataset, &self.report),
            "figures" => crate::html::figures_table(&self.report),
            _ => String::new(),
        }
    }

    /// The figures table as CSV, for download.
    pub fn csv(&self) -> Result<String, JsError> {
        alive()?;
        let report = &self.report;
        Ok(crate::report::csv(&self.dataset, report))
    }

    /// A chart as a standalone SVG file (white background, `<title>`, `<desc>`), for download.
    pub fn chart_file(&self, name: &str, width: u32) -> Result<Option<String>, JsError> {
        alive()?;
        let Some(chart) = Chart::from_name(name).filter(|c| c.applies(&self.dataset)) else {
            return Ok(None);
        };
        Ok(Some(charts::svg(
            chart,
            &self.dataset,
            &self.report,
            width,
            Mode::Standalone,
        )))
    }

    /// The strings the page's own markup and script use (`data-i18n` keys and a few more),
    /// as JSON text. The rest of the table reaches the page already filled in by the core.
    pub fn strings(&self) -> String {
        text_object(&self.locale.strings().page())
    }

    /// The story's title in the current language.
    pub fn title(&self) -> String {
        self.dataset.title.get(self.locale.lang).to_string()
    }
}

/// A language the explainer can word now (compiled in, or its pack loaded).
fn available(tag: &str) -> Option<Locale> {
    Locale::parse(tag).filter(|l| l.lang.is_available())
}

/// The shipped story's words in the reader's language, from its pack (the page's build has the
/// story in English only; a build with the languages compiled in has them all already).
fn with_story_words(dataset: &mut Dataset, locale: Locale) {
    if let Some(words) = crate::i18n::story_words(locale.lang) {
        dataset.fill_texts(locale.lang, words);
    }
}

/// Makes a language available from its pack (`i18n/fr.json`: a JSON array of strings, passed
/// joined by U+001F). Returns its code, or `undefined` if the text is not a whole pack. The
/// page's wasm has only English compiled in.
#[wasm_bindgen]
pub fn load_language(joined: String) -> Option<String> {
    crate::i18n::load_pack(joined).map(|lang| lang.code().to_string())
}

/// Checks a dataset's JSON text without making an explainer (the story editor calls it on
/// every edit): every problem as `{"path", "problem", "message"}` in `lang`, where `path` is
/// the JSON path of the field (`subject.pledges[0].low_bn`, empty for the whole text),
/// `problem` a stable name (`missing`, `wrong_type`, `unsupported_version`…) and `message`
/// the words without the path. `[]` when the dataset is valid. A JSON array as text.
#[wasm_bindgen]
pub fn check_dataset(json: &str, lang: &str) -> String {
    check_dataset_text(json, lang)
}

#[cfg(feature = "dataset-reader")]
fn check_dataset_text(json: &str, lang: &str) -> String {
    let lang = available(lang).unwrap_or(Locale::EN).lang;
    let problems = Dataset::from_json(json).err().unwrap_or_default();
    array(&problems, |out, e| {
        let mut o = ObjectWriter::new(out);
        o.string("path", &e.path)
            .string("problem", e.problem.code())
            .string("message", &problem_message(&e.problem, lang));
        o.end();
    })
}

/// The page's default build reads no datasets (and carries no messages about them).
#[cfg(not(feature = "dataset-reader"))]
fn check_dataset_text(_json: &str, _lang: &str) -> String {
    r#"[{"path":"","problem":"no_reader","message":"this build of the explainer reads no datasets: load pledge_explainer_reader_bg.wasm"}]"#.to_string()
}

/// A dataset from JSON text, or an `Error` listing every problem with its JSON path.
#[cfg(feature = "dataset-reader")]
fn read_dataset(json: &str, locale: Locale) -> Result<Dataset, JsError> {
    Dataset::from_json(json).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| dataset_error_message(e, locale.lang))
            .collect();
        JsError::new(&format!(
            "{}\n{}",
            locale.strings().dataset_invalid,
            lines.join("\n")
        ))
    })
}

/// The page's default build has the story compiled in and no reader: pages that load another
/// story load the `_reader` build of the same wasm (same exports, same JS glue).
#[cfg(not(feature = "dataset-reader"))]
fn read_dataset(_json: &str, _locale: Locale) -> Result<Dataset, JsError> {
    Err(JsError::new(
        "this build of the explainer reads no datasets: load pledge_explainer_reader_bg.wasm",
    ))
}

/// Bytes of wasm linear memory, for the benchmark's flat-memory check.
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

/// The sliders as the page builds them, as a JSON array.
fn controls_json(controls: &[crate::report::Control]) -> String {
    array(controls, |out, c| {
        let mut o = ObjectWriter::new(out);
        o.string("param", c.param).string("label", &c.label);
        o.number("min", c.min)
            .number("max", c.max)
            .number("step", c.step)
            .number("value", c.value);
        o.string("display", &c.display)
            .opt_number("parity", c.parity)
            .opt_string("parity_display", c.parity_display.as_deref())
            .opt_string("parity_words", c.parity_words.as_deref());
        o.raw("marks", &value_labels(&c.marks));
        o.end();
    })
}

/// `[{"value", "label"}]`: a switch's options, a slider's marks.
fn value_labels(items: &[(f64, String)]) -> String {
    array(items, |out, (value, label)| {
        let mut o = ObjectWriter::new(out);
        o.number("value", *value).string("label", label);
        o.end();
    })
}
