//! The wasm bindings in headless Chromium: what the page's JavaScript relies on.
//! Run by `make test` through wasm-bindgen-test-runner and chromedriver.
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use pledge_explainer::wasm::Explainer;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(obj: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(obj.clone(), |o, key| {
        Reflect::get(&o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

/// The `param` of each entry of a JSON array (`controls()`, `switches()`).
fn params(json: &str) -> Vec<String> {
    js_sys::Array::from(&js_sys::JSON::parse(json).unwrap())
        .iter()
        .map(|c| get(&c, &["param"]).as_string().unwrap())
        .collect()
}

/// What the page reads on every frame: `live()` as parsed JSON.
fn live(ex: &Explainer) -> JsValue {
    js_sys::JSON::parse(&ex.live().unwrap()).unwrap()
}

#[wasm_bindgen_test]
fn the_default_story_reports_its_figures_under_the_public_keys() {
    let ex = Explainer::new(None, "en").unwrap();
    let view = live(&ex);
    assert_eq!(
        get(&view, &["display", "itemised_eur_bn"])
            .as_string()
            .as_deref(),
        Some("€63–83bn")
    );
    assert_eq!(
        get(&view, &["display", "announced_eur_bn"])
            .as_string()
            .as_deref(),
        Some("€109bn")
    );
    assert_eq!(
        get(&view, &["display", "announced_usd_bn"])
            .as_string()
            .as_deref(),
        Some("$112.5bn")
    );
    assert_eq!(
        get(&view, &["verdict"]).as_string().as_deref(),
        Some("more")
    );
    assert!(get(&view, &["sentences", "lede"])
        .as_string()
        .unwrap()
        .starts_with("At $1.0320 per euro"));
}

#[wasm_bindgen_test]
fn setting_an_assumption_moves_the_figures_and_a_bad_one_is_refused() {
    let mut ex = Explainer::new(None, "en").unwrap();
    ex.set("eurusd", 1.2).unwrap();
    let usd = get(&live(&ex), &["display", "announced_usd_bn"])
        .as_string()
        .unwrap();
    assert_eq!(usd, "$130.8bn");
    let err = ex.set("eurusd", 7.0).map_err(JsValue::from).unwrap_err();
    let message = get(&err, &["message"]).as_string().unwrap();
    assert_eq!(message, "it must be between 0.8 and 1.3.");
    let usd_after = get(&live(&ex), &["display", "announced_usd_bn"])
        .as_string()
        .unwrap();
    assert_eq!(usd, usd_after, "a refused value leaves the previous one");
}

#[wasm_bindgen_test]
fn a_bad_dataset_throws_an_error_naming_the_field_in_the_readers_language() {
    let json = pledge_explainer::dataset::DEFAULT_DATASET_JSON.replacen(
        "\"low_bn\": 30",
        "\"low_bn\": -30",
        1,
    );
    // The message of the Error a dataset is refused with, in `lang`.
    let refusal = |json: String, lang: &str| -> String {
        let err = Explainer::new(Some(json), lang)
            .map_err(JsValue::from)
            .err()
            .expect("refused");
        get(&err, &["message"]).as_string().unwrap()
    };
    let message = refusal(json.clone(), "en");
    assert!(
        message.contains("subject.pledges[0].low_bn: is negative"),
        "{message}"
    );
    assert!(refusal(json, "fr").contains("est négatif"));
    assert!(refusal("{ not json".into(), "en").contains("line 1, column 3"));
}

#[wasm_bindgen_test]
fn the_query_string_round_trips_and_bad_parameters_become_notices() {
    let mut ex = Explainer::new(None, "en").unwrap();
    let applied =
        js_sys::JSON::parse(&ex.apply_query("?lang=ar&eurusd=0.95&pop_us=oops&childId=x")).unwrap();
    assert_eq!(get(&applied, &["lang"]).as_string().as_deref(), Some("ar"));
    let notices = js_sys::Array::from(&get(&applied, &["notices"]));
    assert_eq!(notices.length(), 1);
    assert!(notices.get(0).as_string().unwrap().contains("pop_us=oops"));
    assert_eq!(ex.query(true), "lang=ar&eurusd=0.95");
    assert_eq!(ex.lang(), "ar");
    assert_eq!(
        get(&live(&ex), &["display", "eurusd"])
            .as_string()
            .as_deref(),
        // The reader's rate at four places on every surface, as the ECB writes it.
        Some("\u{2068}٠٫٩٥٠٠ دولار\u{2069}")
    );
}

#[wasm_bindgen_test]
fn controls_describe_the_sliders_with_the_parity_marked() {
    let ex = Explainer::new(None, "en").unwrap();
    let controls = js_sys::Array::from(&js_sys::JSON::parse(&ex.controls()).unwrap());
    assert_eq!(
        params(&ex.controls()),
        [
            "eurusd",
            "pop_fr",
            "pop_us",
            "uae",
            "load_factor",
            "years_fr",
            "gdp_fr",
            "gdp_us"
        ]
    );
    let parity = get(&controls.get(0), &["parity"]).as_f64().unwrap();
    assert!((parity - 0.9253).abs() < 0.0001, "{parity}");
    assert_eq!(
        get(&controls.get(0), &["label"]).as_string().as_deref(),
        Some("Exchange rate ($ per €)")
    );
}

#[wasm_bindgen_test]
fn figures_switches_and_the_gdp_yardstick() {
    let mut ex = Explainer::new(None, "en").unwrap();
    let figures = js_sys::JSON::parse(&ex.figures().unwrap()).unwrap();
    assert_eq!(get(&figures, &["announced_eur_bn"]).as_f64(), Some(109.0));
    assert_eq!(
        get(&figures, &["itemised_eur_bn", "high"]).as_f64(),
        Some(83.0)
    );
    let ratio = get(&figures, &["gdp_share_ratio"]).as_f64().unwrap();
    assert!((ratio - 2.179).abs() < 0.001, "{ratio}");
    assert_eq!(
        get(&figures, &["gdp_verdict"]).as_string().as_deref(),
        Some("more")
    );
    assert_eq!(params(&ex.switches()), ["yardstick", "private_only"]);
    ex.set("yardstick", 1.0).unwrap();
    let params = params(&ex.controls());
    assert!(params.contains(&"gdp_fr".to_string()) && params.contains(&"gdp_us".to_string()));
    assert_eq!(ex.query(false), "yardstick=gdp");
    assert!(ex.set("years_fr", 2.5).is_err());
}

#[wasm_bindgen_test]
fn cards_alone_and_in_the_page() {
    let ex = Explainer::new(None, "en").unwrap();
    let claim = ex.card("claim");
    assert!(
        claim.starts_with("<section class=\"card\" id=\"card-claim\""),
        "{claim}"
    );
    assert!(
        claim.contains("data-figure=\"per_person_ratio\" data-form=\"prose\">1.12 times</b>"),
        "{claim}"
    );
    // A move that changes the answer's words (`live().answers`) asks for the question and
    // answer again: the same fragments as the card's.
    let live = js_sys::JSON::parse(&ex.live().unwrap()).unwrap();
    let form = get(&live, &["answers", "claim"]).as_string().unwrap();
    assert!(
        claim.contains(&format!(
            "data-answer=\"{form}\">{}</p>",
            ex.card_answer("claim")
        )),
        "{claim}"
    );
    assert!(
        claim.contains(&format!(">{}</h2>", ex.card_question("claim"))),
        "{claim}"
    );
    // The claim and the figures table likewise (`words()`, `data-words`).
    let all_words = js_sys::JSON::parse(&ex.words()).unwrap();
    for name in ["claim", "figures"] {
        let words = get(&all_words, &[name]).as_string().unwrap();
        let cards = ex.card("sources");
        assert!(
            cards.contains(&format!(
                "data-words=\"{words}\">{}</div>",
                ex.section(name)
            )),
            "{name}: {cards}"
        );
    }
    assert_eq!(ex.section("no-such-section"), "");
    assert_eq!(ex.card_answer("no-such-card"), "");
    assert_eq!(ex.card("no-such-card"), "");
    let sections = js_sys::JSON::parse(&ex.sections()).unwrap();
    let cards = get(&sections, &["cards"]).as_string().unwrap();
    for name in [
        "claim",
        "gdp",
        "pledges",
        "horizon",
        "sensitivity",
        "energy",
        "sources",
    ] {
        assert!(cards.contains(&format!("data-card=\"{name}\"")), "{name}");
    }
}
