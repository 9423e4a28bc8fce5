//! The JavaScript face of the core: a thin `#[wasm_bindgen]` layer, nothing computed here.
//!
//! Every method returns plain JS objects (serde-wasm-bindgen, JSON-compatible) or a JS
//! `Error` whose message is written for the reader, in the reader's language.

use crate::charts::{self, Chart, Mode};
use crate::dataset::Dataset;
use crate::format::Locale;
use crate::i18n::{assumption_error_message, dataset_error_message};
use crate::model::{Assumptions, Knob};
use crate::params;
use crate::report::{Report, TextMap};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Set by the panic hook. A panic aborts the wasm call that hit it; the instance may be left
/// half-way through some work, so every later call refuses to run and says so, and the page
/// keeps the last good figures on screen.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Reports a Rust panic to the console with its message before the wasm traps.
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
        Err(JsError::new("the calculation stopped after an internal error"))
    } else {
        Ok(())
    }
}

#[wasm_bindgen]
pub struct Explainer {
    dataset: Dataset,
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
        let locale = Locale::parse(lang).unwrap_or(Locale::EN);
        let parsed = match dataset_json {
            Some(json) => Dataset::from_json(&json),
            None => Dataset::default_story(),
        };
        let dataset = parsed.map_err(|errors| {
            let s = locale.strings();
            let lines: Vec<String> = errors.iter().map(|e| dataset_error_message(e, locale.lang)).collect();
            JsError::new(&format!("{}\n{}", s.dataset_invalid, lines.join("\n")))
        })?;
        let assumptions = Assumptions::defaults(&dataset);
        let report = Report::new(&dataset, &assumptions, locale);
        Ok(Explainer { dataset, assumptions, locale, report })
    }

    fn refresh(&mut self) {
        self.report = Report::new(&self.dataset, &self.assumptions, self.locale);
    }

    /// Sets the language from a tag such as `ar-MA`; returns false (and keeps the current
    /// one) for a language the explainer does not have.
    pub fn set_locale(&mut self, tag: &str) -> Result<bool, JsError> {
        alive()?;
        match Locale::parse(tag) {
            Some(l) => {
                self.locale = l;
                self.refresh();
                Ok(true)
            }
            None => Ok(false),
        }
    }

    pub fn lang(&self) -> String {
        self.locale.lang.code().to_string()
    }

    /// Sets one assumption by its URL name. Throws a reader-worded `Error` when refused;
    /// the previous value stays.
    pub fn set(&mut self, param: &str, value: f64) -> Result<(), JsError> {
        alive()?;
        let knob = Knob::from_param(param).ok_or_else(|| JsError::new(&format!("unknown setting '{param}'")))?;
        self.assumptions
            .set(&self.dataset, knob, value)
            .map_err(|e| JsError::new(&assumption_error_message(&e, self.locale.lang)))?;
        self.refresh();
        Ok(())
    }

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

    /// Applies a query string over the defaults. Returns `{ lang, notices: [message] }`:
    /// `lang` is null when the query names none; each notice names a refused parameter.
    pub fn apply_query(&mut self, query: &str) -> JsValue {
        let parsed = params::parse_query(&self.dataset, Assumptions::defaults(&self.dataset), query);
        self.assumptions = parsed.assumptions;
        if let Some(l) = parsed.locale {
            self.locale = l;
        }
        self.refresh();
        #[derive(Serialize)]
        struct Applied {
            lang: Option<&'static str>,
            notices: Vec<String>,
        }
        let lang = self.locale.lang;
        to_js(&Applied {
            lang: parsed.locale.map(|l| l.lang.code()),
            notices: parsed.notices.iter().map(|n| n.message(lang)).collect(),
        })
    }

    /// The query string for the current view (only what differs from the defaults).
    pub fn query(&self, with_lang: bool) -> String {
        params::to_query(&self.dataset, &self.assumptions, with_lang.then_some(self.locale))
    }

    /// The hot path, once per animation frame while a slider moves: only what changes with the
    /// assumptions, as JSON text for `JSON.parse` (measured: five times cheaper than building
    /// the same object through serde-wasm-bindgen, property by property).
    /// `{ display: {key: text}, sentences: {key: text}, order: [key], verdict, badge,
    /// controls: [{ param, min, max, value, display, parity, parity_display }] }`.
    pub fn live(&self) -> Result<String, JsError> {
        alive()?;
        let report = &self.report;
        #[derive(Serialize)]
        struct Knob<'a> {
            param: &'a str,
            min: f64,
            max: f64,
            value: f64,
            display: &'a str,
            parity: Option<f64>,
            parity_display: Option<&'a str>,
        }
        #[derive(Serialize)]
        struct Live<'a> {
            display: TextMap<'a, &'static str, String>,
            sentences: TextMap<'a, &'static str, String>,
            order: Vec<&'a str>,
            verdict: Option<crate::report::Verdict>,
            badge: String,
            controls: Vec<Knob<'a>>,
        }
        let controls = crate::report::controls(&self.dataset, report);
        let live = Live {
            display: TextMap(&report.display),
            sentences: TextMap(&report.sentences),
            order: report.sentences.iter().map(|(k, _)| *k).collect(),
            verdict: report.verdict,
            badge: report.badge.clone(),
            controls: controls
                .iter()
                .map(|c| Knob {
                    param: c.param,
                    min: c.min,
                    max: c.max,
                    value: c.value,
                    display: &c.display,
                    parity: c.parity,
                    parity_display: c.parity_display.as_deref(),
                })
                .collect(),
        };
        Ok(serde_json::to_string(&live).unwrap_or_default())
    }

    /// The sliders: for each knob `{ param, label, min, max, step, value, parity }`, labels
    /// filled in for this dataset and language.
    pub fn controls(&self) -> JsValue {
        to_js(&crate::report::controls(&self.dataset, &self.report))
    }

    /// One chart for the page at `width` CSS pixels: `{ name, title, desc, svg }`, or
    /// null for a chart this dataset does not have. With `draw` false, `svg` is empty: the
    /// words only, for a chart the reader cannot see.
    pub fn chart(&self, name: &str, width: u32, draw: bool) -> Result<JsValue, JsError> {
        alive()?;
        let Some(chart) = Chart::from_name(name).filter(|c| c.applies(&self.dataset)) else {
            return Ok(JsValue::NULL);
        };
        let text = charts::text(chart, &self.report);
        #[derive(Serialize)]
        struct View<'a> {
            name: &'a str,
            title: String,
            desc: String,
            svg: String,
        }
        Ok(to_js(&View {
            name: chart.name(),
            title: text.title,
            desc: text.desc,
            svg: if draw { charts::svg(chart, &self.dataset, &self.report, width, Mode::Inline) } else { String::new() },
        }))
    }

    /// Changes whenever the chart would look different (language or one of its inputs), so the
    /// page redraws only the charts a slider actually moved.
    pub fn chart_key(&self, name: &str) -> Result<String, JsError> {
        alive()?;
        let inputs = Chart::from_name(name).map(|c| c.inputs()).unwrap_or(&[]);
        let mut key = format!("{:?}", self.locale);
        for knob in inputs {
            key.push('|');
            key.push_str(&params::plain_number(self.assumptions.get(*knob).unwrap_or(f64::NAN)));
        }
        Ok(key)
    }

    /// The names of the charts this dataset has, in reading order.
    pub fn chart_names(&self) -> Vec<String> {
        Chart::ALL.iter().filter(|c| c.applies(&self.dataset)).map(|c| c.name().to_string()).collect()
    }

    /// The claim, the figures table and the sources as HTML (every dataset string escaped by
    /// the core), the same fragments as the static page: `{ claim, figures, sources }`. They
    /// change with the language; their live values are `data-figure` cells and `#verdict`.
    pub fn sections(&self) -> JsValue {
        let report = &self.report;
        #[derive(Serialize)]
        struct Sections {
            claim: String,
            figures: String,
            sources: String,
        }
        to_js(&Sections {
            claim: crate::html::claim_section(&self.dataset, report),
            figures: crate::html::figures_table(report),
            sources: crate::html::sources_section(&self.dataset, self.locale),
        })
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
        let Some(chart) = Chart::from_name(name).filter(|c| c.applies(&self.dataset)) else { return Ok(None) };
        Ok(Some(charts::svg(chart, &self.dataset, &self.report, width, Mode::Standalone)))
    }

    /// The strings the page's own markup and script use (`data-i18n` keys and a few more),
    /// as JSON text. The rest of the table reaches the page already filled in by the core.
    pub fn strings(&self) -> String {
        serde_json::to_string(&TextMap(&self.locale.strings().page())).unwrap_or_default()
    }

    pub fn title(&self) -> String {
        self.dataset.title.get(self.locale.lang).to_string()
    }
}

/// Bytes of wasm linear memory, for the benchmark's flat-memory check.
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
